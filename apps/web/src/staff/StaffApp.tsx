import './staff.css'
import type { StaffRole } from '@trygg/domain'
import { useEffect, type ComponentType } from 'react'
import { LanguageSwitch } from '../app/LanguageSwitch.tsx'
import { AdministrationPage } from './administration/AdministrationPage.tsx'
import { AccountsPage } from './accounts/AccountsPage.tsx'
import { ApiKeysPage } from './api-keys/ApiKeysPage.tsx'
import { ActionPlanPage } from './actions/ActionPlanPage.tsx'
import { FollowUpPage } from './follow-up/FollowUpPage.tsx'
import { StatisticsPage } from './statistics/StatisticsPage.tsx'
import { HotspotsPage } from './HotspotsPage.tsx'
import { ImportPage } from './imports/ImportPage.tsx'
import { LoginPage } from './LoginPage.tsx'
import { ModerationPage } from './moderation/ModerationPage.tsx'
import { LOGIN_PATH, STAFF_SECTIONS, afterSignIn, sectionsFor, type SectionKey } from './staff-sections.ts'
import { StaffSessionProvider, useStaffSession } from './staff-session.tsx'
import { StaffShell } from './StaffShell.tsx'
import { TrafficPage } from './TrafficPage.tsx'
import { useStaffMessages } from './use-staff-messages.ts'
import { useStaffPath } from './use-staff-path.ts'
import { WalksPage } from './walks/WalksPage.tsx'

/** The page of each section; the action plan joins here. */
const PAGES: Record<SectionKey, ComponentType> = {
  moderation: ModerationPage,
  hotspots: HotspotsPage,
  actions: ActionPlanPage,
  traffic: TrafficPage,
  followUp: FollowUpPage,
  statistics: StatisticsPage,
  imports: ImportPage,
  accounts: AccountsPage,
  apiKeys: ApiKeysPage,
  walks: WalksPage,
  administration: AdministrationPage,
}

/**
 * The staff workspace (`/personal/…`) and its sign-in page (`/login`), loaded on demand so
 * the resident app does not carry it.
 */
export default function StaffApp() {
  return (
    <StaffSessionProvider>
      <StaffRoutes />
    </StaffSessionProvider>
  )
}

function StaffRoutes() {
  const m = useStaffMessages()
  const { state, retry } = useStaffSession()
  const { path, search, navigate } = useStaffPath()
  const role: StaffRole | null = state.status === 'signed-in' ? state.session.staff.role : null

  useEffect(
    function staffTitle() {
      // After the language provider has set the resident title.
      const timer = window.setTimeout(() => (document.title = m.documentTitle), 0)
      return function cancelTitle() {
        window.clearTimeout(timer)
      }
    },
    [m],
  )

  useEffect(
    function redirect() {
      if (state.status === 'signed-out' && path !== LOGIN_PATH) {
        navigate(`${LOGIN_PATH}?next=${encodeURIComponent(path)}`, { replace: true })
      } else if (role && path === LOGIN_PATH) {
        navigate(afterSignIn(search), { replace: true })
      } else if (role && !sectionsFor(role).some((s) => s.path === path)) {
        // The workspace root, or a section this role does not have: the role's first section.
        const first = sectionsFor(role)[0]
        if (first && first.path !== path) navigate(first.path, { replace: true })
      }
    },
    [state.status, role, path, search, navigate],
  )

  if (state.status === 'loading' || state.status === 'error') {
    return (
      <div className="staff staff--message">
        {state.status === 'loading' ? (
          <p role="status">{m.loading}</p>
        ) : (
          <div role="alert" className="page-message">
            <p>{m.networkError}</p>
            <button type="button" className="button button--primary" onClick={retry}>
              {m.retry}
            </button>
          </div>
        )}
      </div>
    )
  }

  if (state.status === 'signed-out' || path === LOGIN_PATH) {
    const notice = state.status === 'signed-out' ? (state.reason === 'expired' ? m.sessionEnded : state.reason === 'signed-out' ? m.signedOut : null) : null
    return (
      <div className="staff">
        <header className="app-header staff-header">
          <h1 className="app-header__title">
            <span className="app-header__name">Trygg · {m.workspaceName}</span>
          </h1>
          <LanguageSwitch />
        </header>
        {path === LOGIN_PATH && <LoginPage notice={notice} onSignedIn={() => navigate(afterSignIn(search), { replace: true })} />}
      </div>
    )
  }

  const section = STAFF_SECTIONS.find((s) => s.path === path && role && s.roles.includes(role))
  const Page = section ? PAGES[section.key] : null
  return (
    <StaffShell path={path} onNavigate={navigate}>
      {Page ? (
        <Page key={section!.key} />
      ) : (
        <section className="staff-page">
          <h2>{m.welcomeHeading(state.session.staff.email)}</h2>
          <p>{m.welcomeNothing}</p>
        </section>
      )}
    </StaffShell>
  )
}
