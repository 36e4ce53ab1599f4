/**
 * The staff hotspot map, to be loaded lazily from the staff workspace:
 * `const HotspotMap = lazy(() => import('./staff/hotspots/index.ts'))`.
 * Never import it from the resident entry.
 */
export { HotspotMap as default, HotspotMap, type HotspotMapProps } from './HotspotMap.tsx'
export { HOTSPOT_MESSAGES, type HotspotMessages } from './hotspot-messages.ts'
