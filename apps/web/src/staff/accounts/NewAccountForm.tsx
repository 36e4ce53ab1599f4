import type { StaffAccountWithPassword, StaffRole } from '@trygg/domain'
import { STAFF_ROLES } from '@trygg/domain/constants'
import { useId, useRef, useState, type FormEvent } from 'react'
import { FieldError } from '../../report/FieldError.tsx'
import { createAccount } from '../staff-api.ts'
import { useSignedIn, useStaffSession } from '../staff-session.tsx'
import { useStaffMessages } from '../use-staff-messages.ts'

/** Creates an account; the parent shows the generated password. */
export function NewAccountForm({ onCreated }: { onCreated: (created: StaffAccountWithPassword) => void }) {
  const m = useStaffMessages()
  const session = useSignedIn()
  const { errorMessage } = useStaffSession()
  const id = useId()
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<StaffRole>('planner')
  const [organisation, setOrganisation] = useState('')
  const [errors, setErrors] = useState<{ email?: string; organisation?: string }>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const emailRef = useRef<HTMLInputElement>(null)
  const orgRef = useRef<HTMLInputElement>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found = {
      ...(email.trim() ? {} : { email: m.emailRequired }),
      ...(role === 'partner' && !organisation.trim() ? { organisation: m.organisationRequired } : {}),
    }
    setErrors(found)
    setFailure(null)
    if (found.email) return emailRef.current?.focus()
    if (found.organisation) return orgRef.current?.focus()
    setBusy(true)
    try {
      const created = await createAccount(session.csrfToken, { email: email.trim(), role, ...(role === 'partner' ? { organisation: organisation.trim() } : {}) })
      setEmail('')
      setOrganisation('')
      onCreated(created)
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="staff-card new-account" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`} data-testid="new-account-form">
      <h3 id={`${id}-heading`}>{m.newAccount}</h3>
      <div className="form-error-slot" role="alert">
        {failure && <p className="form-error">{failure}</p>}
      </div>
      <div className="new-account__fields">
        <div className="staff-field">
          <label htmlFor={`${id}-email`}>{m.email}</label>
          <input
            id={`${id}-email`}
            ref={emailRef}
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? `${id}-email-error` : undefined}
            data-testid="new-account-email"
          />
          <FieldError id={`${id}-email-error`} message={errors.email} />
        </div>
        <div className="staff-field">
          <label htmlFor={`${id}-role`}>{m.role}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as StaffRole)} data-testid="new-account-role">
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {m.roles[r]}
              </option>
            ))}
          </select>
        </div>
        {role === 'partner' && (
          <div className="staff-field">
            <label htmlFor={`${id}-org`}>{m.organisation}</label>
            <input
              id={`${id}-org`}
              ref={orgRef}
              type="text"
              maxLength={200}
              value={organisation}
              onChange={(e) => setOrganisation(e.target.value)}
              aria-invalid={errors.organisation ? true : undefined}
              aria-describedby={`${id}-org-hint${errors.organisation ? ` ${id}-org-error` : ''}`}
              data-testid="new-account-organisation"
            />
            <p id={`${id}-org-hint`} className="field__hint">
              {m.organisationHint}
            </p>
            <FieldError id={`${id}-org-error`} message={errors.organisation} />
          </div>
        )}
      </div>
      <button type="submit" className="button button--primary button--small" disabled={busy} data-testid="new-account-submit">
        {busy ? m.creating : m.create}
      </button>
    </form>
  )
}
