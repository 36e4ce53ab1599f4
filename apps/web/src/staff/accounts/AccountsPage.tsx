import type { StaffAccountChange, StaffAccountWithPassword } from '@trygg/domain'
import { useEffect, useId, useRef, useState } from 'react'
import { useFocusOnMount } from '../../report/use-focus-on-mount.ts'
import { useStatus } from '../../status/status.tsx'
import { changeAccount, resetPassword } from '../staff-api.ts'
import { useSignedIn, useStaffSession } from '../staff-session.tsx'
import { useStaffMessages } from '../use-staff-messages.ts'
import { AccountRow } from './AccountRow.tsx'
import { NewAccountForm } from './NewAccountForm.tsx'
import { OneTimePassword } from './OneTimePassword.tsx'
import { useAccounts } from './use-accounts.ts'

/** Administration of staff accounts (admins only). */
export function AccountsPage() {
  const m = useStaffMessages()
  const session = useSignedIn()
  const { errorMessage } = useStaffSession()
  const { announce } = useStatus()
  const id = useId()
  const { state, put } = useAccounts()
  const [shown, setShown] = useState<{ email: string; password: string } | null>(null)
  const [busy, setBusy] = useState<number | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  useFocusOnMount(headingRef)

  useEffect(
    function reportLoadFailure() {
      if (state.status === 'error') setFailure(errorMessage(state.error))
    },
    [state, errorMessage],
  )

  async function act(accountId: number, run: () => Promise<void>) {
    setBusy(accountId)
    setFailure(null)
    try {
      await run()
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setBusy(null)
    }
  }

  const created = (c: StaffAccountWithPassword) => {
    put(c.account)
    setShown({ email: c.account.email, password: c.password })
    announce(m.accountCreated, 'success')
  }

  const change = (accountId: number, c: StaffAccountChange) =>
    act(accountId, async () => {
      put(await changeAccount(session.csrfToken, accountId, c))
      announce(m.accountSaved, 'success')
    })

  const reset = (accountId: number) =>
    act(accountId, async () => {
      const r = await resetPassword(session.csrfToken, accountId)
      setShown({ email: r.account.email, password: r.password })
    })

  return (
    <section className="staff-page" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {m.accountsHeading}
      </h2>
      <p className="staff-page__intro">{m.accountsIntro}</p>
      {shown && <OneTimePassword email={shown.email} password={shown.password} onDone={() => setShown(null)} />}
      <NewAccountForm onCreated={created} />
      <div className="form-error-slot" role="alert">
        {failure && <p className="form-error">{failure}</p>}
      </div>
      {state.status === 'loading' && <p role="status">{m.loading}</p>}
      {state.status === 'ready' && (
        <div className="staff-table-wrap">
          <table className="staff-table" data-testid="accounts-table">
            <caption className="visually-hidden">{m.accountsHeading}</caption>
            <thead>
              <tr>
                <th scope="col">{m.email}</th>
                <th scope="col">{m.role}</th>
                <th scope="col">{m.organisation}</th>
                <th scope="col">{m.status}</th>
                <th scope="col">{m.actions}</th>
              </tr>
            </thead>
            <tbody>
              {state.accounts.map((a) => (
                <AccountRow
                  key={`${a.id}:${a.role}:${a.disabled}`}
                  account={a}
                  isSelf={a.id === session.staff.id}
                  busy={busy === a.id}
                  onChange={(c) => void change(a.id, c)}
                  onResetPassword={() => void reset(a.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
