import { Suspense, lazy } from 'react'
import { useConfig } from '../app/use-config.ts'
import { useStaffMessages } from './use-staff-messages.ts'

/** The hotspot map is its own chunk: only planners, police and admins open it. */
const HotspotMap = lazy(() => import('./hotspots/index.ts'))

/** `/personal/karta`: the hotspot map of the signed-in staff member's municipality. */
export function HotspotsPage() {
  const m = useStaffMessages()
  const config = useConfig()
  if (config.status === 'ready') {
    return (
      <div className="staff-hotspots">
        <Suspense fallback={<p role="status">{m.loading}</p>}>
          <HotspotMap config={config.config} />
        </Suspense>
      </div>
    )
  }
  if (config.status === 'loading') return <p role="status">{m.loading}</p>
  return (
    <div role="alert" className="page-message">
      <p>{m.networkError}</p>
      <button type="button" className="button button--primary" onClick={config.retry}>
        {m.retry}
      </button>
    </div>
  )
}
