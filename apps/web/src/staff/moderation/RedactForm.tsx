import { MAX_COMMENT_LENGTH } from '@trygg/domain/constants'
import { useId, useRef, useState, type FormEvent } from 'react'
import { FieldError } from '../../report/FieldError.tsx'
import { useFocusOnMount } from '../../report/use-focus-on-mount.ts'
import { useStaffMessages } from '../use-staff-messages.ts'
import { ReasonField } from './ReasonField.tsx'

/** Edits a comment's text before it is published; the reason is required and kept in the audit log. */
export function RedactForm({ text, busy, onSave, onCancel }: { text: string; busy: boolean; onSave: (text: string, reason: string) => void; onCancel: () => void }) {
  const m = useStaffMessages()
  const id = useId()
  const [draft, setDraft] = useState(text)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<{ text?: string; reason?: string }>({})
  const textRef = useRef<HTMLTextAreaElement>(null)
  const reasonRef = useRef<HTMLInputElement>(null)
  useFocusOnMount(textRef)

  function submit(event: FormEvent) {
    event.preventDefault()
    const found = { ...(draft.trim() ? {} : { text: m.textRequired }), ...(reason.trim() ? {} : { reason: m.reasonRequired }) }
    setErrors(found)
    if (found.text) return textRef.current?.focus()
    if (found.reason) return reasonRef.current?.focus()
    onSave(draft, reason.trim())
  }

  return (
    <form className="redact-form" onSubmit={submit} noValidate aria-label={m.redactHeading} data-testid="redact-form">
      <div className="staff-field">
        <label htmlFor={`${id}-text`}>{m.redactText}</label>
        <textarea
          id={`${id}-text`}
          ref={textRef}
          rows={4}
          maxLength={MAX_COMMENT_LENGTH}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? `${id}-text-error` : undefined}
          data-testid="redact-text"
        />
        <FieldError id={`${id}-text-error`} message={errors.text} />
      </div>
      <ReasonField
        id={id}
        label={m.redactReason}
        hint={m.redactReasonHint}
        value={reason}
        onChange={setReason}
        error={errors.reason}
        inputRef={reasonRef}
        testId="redact-reason"
      />
      <div className="staff-actions">
        <button type="submit" className="button button--primary button--small" disabled={busy} data-testid="redact-save">
          {m.redactSave}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>
          {m.cancel}
        </button>
      </div>
    </form>
  )
}
