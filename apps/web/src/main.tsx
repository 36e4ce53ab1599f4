import 'leaflet/dist/leaflet.css'
import './styles/base.css'
import './styles/layout.css'
import './styles/map.css'
import './styles/sheet.css'
import './styles/form.css'
import './styles/resident.css'
import { StrictMode, Suspense, lazy } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { LanguageProvider } from './i18n/language.tsx'
import { isStaffPath } from './app/staff-paths.ts'
import { StatusProvider } from './status/status.tsx'
import { followTokenOf } from './resident/follow-api.ts'
import { sitePath } from './api/site-base.ts'

/** The staff workspace is a separate chunk, fetched only on /login and /personal/…. */
const StaffApp = lazy(() => import('./staff/StaffApp.tsx'))

/** A resident's follow page (/f/<token>), a chunk of its own: the map's first view does not need it. */
const FollowPage = lazy(() => import('./resident/FollowPage.tsx').then((m) => ({ default: m.FollowPage })))

/** The walk leader's page, a chunk of its own that the walk service worker keeps offline. */
const WalkPage = lazy(() => import('./walk/WalkPage.tsx'))

const followToken = followTokenOf(sitePath())
const walkCode = /^\/walk\/([a-z2-9]{10})\/?$/.exec(sitePath())?.[1]

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <LanguageProvider>
      <StatusProvider>
        {isStaffPath(window.location.pathname) ? (
          <Suspense fallback={null}>
            <StaffApp />
          </Suspense>
        ) : walkCode ? (
          <Suspense fallback={null}>
            <WalkPage code={walkCode} />
          </Suspense>
        ) : followToken ? (
          <Suspense fallback={null}>
            <FollowPage token={followToken} />
          </Suspense>
        ) : (
          <App />
        )}
      </StatusProvider>
    </LanguageProvider>
  </StrictMode>,
)
