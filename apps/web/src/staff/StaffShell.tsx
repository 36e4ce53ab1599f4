import type { ReactNode } from 'react'
import { LanguageSwitch } from '../app/LanguageSwitch.tsx'
import { sectionsFor } from './staff-sections.ts'
import { useSignedIn, useStaffSession } from './staff-session.tsx'
import { useStaffMessages } from './use-staff-messages.ts'

/**
 * The workspace frame: who is signed in, the sections their role may use, sign-out, and the
 * current page. Links navigate without a page load through `onNavigate`.
 */
export function StaffShell({ path, onNavigate, children }: { path: string; onNavigate: (to: string) => void; children: ReactNode }) {
  const m = useStaffMessages()
  const session = useSignedIn()
  const { signOut } = useStaffSession()
  const { staff } = session

  return (
    <div className="staff">
      <header className="app-header staff-header">
        <div className="app-header__brand">
          <h1 className="app-header__title">
            <span className="app-header__municipality">{staff.municipality.name}</span>
            <span className="app-header__name">Trygg · {m.workspaceName}</span>
          </h1>
        </div>
        <div className="staff-header__user">
          <span className="staff-header__who" data-testid="signed-in-as">
            {m.signedInAs(staff.email, m.roles[staff.role])}
          </span>
          <LanguageSwitch />
          <button type="button" className="button button--secondary button--small" onClick={() => void signOut()} data-testid="sign-out">
            {m.signOut}
          </button>
        </div>
      </header>
      <nav className="staff-nav" aria-label={m.nav}>
        <ul>
          {sectionsFor(staff.role).map((s) => (
            <li key={s.key}>
              <a
                href={s.path}
                aria-current={path === s.path ? 'page' : undefined}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
                  event.preventDefault()
                  onNavigate(s.path)
                }}
                data-testid={`nav-${s.key}`}
              >
                {m.sections[s.key]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="staff-main">{children}</main>
    </div>
  )
}
