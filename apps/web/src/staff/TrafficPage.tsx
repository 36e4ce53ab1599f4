import { Suspense, lazy } from 'react'
import { useConfig } from '../app/use-config.ts'
import { useStaffMessages } from './use-staff-messages.ts'

/** The traffic workspace is its own chunk: only police, planners and admins open it. */
const TrafficWorkspace = lazy(() => import('./police/index.ts'))

/** `/polis`: the police traffic workspace of the signed-in staff member's municipality. */
export function TrafficPage() {
  const m = useStaffMessages()
  const config = useConfig()
  if (config.status === 'ready') {
    return (
      <Suspense fallback={<p role="status">{m.loading}</p>}>
        <TrafficWorkspace config={config.config} />
      </Suspense>
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
