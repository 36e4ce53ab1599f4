import { useRef } from 'react'
import { useFocusOnMount } from '../../report/use-focus-on-mount.ts'
import { useStaffMessages } from '../use-staff-messages.ts'

/** A generated password, shown once with a warning, until the admin dismisses it. */
export function OneTimePassword({ email, password, onDone }: { email: string; password: string; onDone: () => void }) {
  const m = useStaffMessages()
  const ref = useRef<HTMLDivElement>(null)
  useFocusOnMount(ref)
  return (
    <div className="one-time-password" ref={ref} tabIndex={-1} role="region" aria-label={m.passwordFor(email)} data-testid="one-time-password">
      <p className="one-time-password__label">{m.passwordFor(email)}</p>
      <p>
        <code className="one-time-password__value" data-testid="generated-password">
          {password}
        </code>
      </p>
      <p className="field__hint">{m.passwordOnce}</p>
      <button type="button" className="button button--secondary button--small" onClick={onDone}>
        {m.hidePassword}
      </button>
    </div>
  )
}
