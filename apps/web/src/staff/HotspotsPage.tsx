import type { HotspotFeature } from '@trygg/domain'
import { Suspense, lazy, useCallback } from 'react'
import { useConfig } from '../app/use-config.ts'
import { draftFromHotspot, saveDraft } from './actions/hotspot-draft.ts'
import { STAFF_BASE } from './staff-sections.ts'
import { useSignedIn } from './staff-session.tsx'
import { useStaffMessages } from './use-staff-messages.ts'

/** The hotspot map is its own chunk: only planners, police and admins open it. */
const HotspotMap = lazy(() => import('./hotspots/index.ts'))

/** `/personal/karta`: the hotspot map of the signed-in staff member's municipality. */
export function HotspotsPage() {
  const m = useStaffMessages()
  const config = useConfig()
  const { staff } = useSignedIn()
  const createAction = useCallback((hotspot: HotspotFeature) => {
    // The action plan opens its form with the hull and the pins of this hotspot.
    saveDraft(draftFromHotspot(hotspot))
    window.history.pushState(null, '', `${STAFF_BASE}/atgardsplan`)
    window.dispatchEvent(new PopStateEvent('popstate'))
  }, [])
  const canCreate = staff.role === 'planner' || staff.role === 'admin'
  if (config.status === 'ready') {
    return (
      <div className="staff-hotspots">
        <Suspense fallback={<p role="status">{m.loading}</p>}>
          <HotspotMap config={config.config} {...(canCreate ? { onCreateAction: createAction } : {})} />
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
