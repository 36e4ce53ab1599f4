/**
 * The police traffic workspace, loaded lazily from the staff workspace:
 * `const TrafficWorkspace = lazy(() => import('./police/index.ts'))`.
 */
export { TrafficWorkspace as default, TrafficWorkspace } from './TrafficWorkspace.tsx'
