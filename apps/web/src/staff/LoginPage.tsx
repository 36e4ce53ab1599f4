import { useId, useRef, useState, type FormEvent } from 'react'
import { ApiError, apiErrorMessage } from '../api/api-error.ts'
import { useI18n } from '../i18n/language.tsx'
import { FieldError } from '../report/FieldError.tsx'
import { useFocusOnMount } from '../report/use-focus-on-mount.ts'
import { fetchSession, signIn } from './staff-api.ts'
import { useStaffSession } from './staff-session.tsx'
import { useStaffMessages } from './use-staff-messages.ts'

interface Errors {
  email?: string
  password?: string
}

/** Sign-in for staff: email and password; a server message (wrong password, throttled) in an alert. */
export function LoginPage({ notice, onSignedIn }: { notice: string | null; onSignedIn: () => void }) {
  const m = useStaffMessages()
  const { lang } = useI18n()
  const { signedIn } = useStaffSession()
  const id = useId()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const emailRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  useFocusOnMount(headingRef)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found: Errors = {
      ...(email.trim() ? {} : { email: m.emailRequired }),
      ...(password ? {} : { password: m.passwordRequired }),
    }
    setErrors(found)
    setFailure(null)
    if (found.email) return emailRef.current?.focus()
    if (found.password) return passwordRef.current?.focus()
    setBusy(true)
    try {
      await signIn(email.trim(), password)
      // The session is read back, so a cookie the browser refused shows here and not later.
      const session = await fetchSession().catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) throw new Error(m.cookieMissing)
        throw error
      })
      signedIn(session)
      onSignedIn()
    } catch (error) {
      // A 401 here is a wrong password, not an ended session: the server's message says so.
      const message = apiErrorMessage(error, lang, { network: m.networkError, other: m.unexpectedError })
      setFailure(error instanceof Error && error.message === m.cookieMissing ? m.cookieMissing : message)
      setPassword('')
      setBusy(false)
    }
  }

  return (
    <main className="staff-login">
      <form className="staff-card staff-login__form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`} data-testid="login-form">
        <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
          {m.loginHeading}
        </h2>
        <p className="field__hint">{m.loginIntro}</p>
        {notice && (
          <p className="staff-notice" role="status">
            {notice}
          </p>
        )}
        <div className="form-error-slot" role="alert">
          {failure && (
            <p className="form-error" data-testid="login-error">
              {failure}
            </p>
          )}
        </div>
        <div className="staff-field">
          <label htmlFor={`${id}-email`}>{m.email}</label>
          <input
            id={`${id}-email`}
            ref={emailRef}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? `${id}-email-error` : undefined}
            data-testid="login-email"
          />
          <FieldError id={`${id}-email-error`} message={errors.email} />
        </div>
        <div className="staff-field">
          <label htmlFor={`${id}-password`}>{m.password}</label>
          <input
            id={`${id}-password`}
            ref={passwordRef}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? `${id}-password-error` : undefined}
            data-testid="login-password"
          />
          <FieldError id={`${id}-password-error`} message={errors.password} />
        </div>
        <button type="submit" className="button button--primary" disabled={busy} data-testid="login-submit">
          {busy ? m.signingIn : m.signIn}
        </button>
        <a href="/" className="staff-login__public">
          {m.toPublicMap}
        </a>
      </form>
    </main>
  )
}
