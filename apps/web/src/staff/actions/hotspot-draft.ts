import type { HotspotFeature, PolygonGeometry } from '@trygg/domain'

const KEY = 'trygg.actionDraft'
const TRAFFIC = new Set(['speeding', 'moped', 'dangerous_traffic', 'parking'])

/** What "Skapa åtgärd" on the hotspot map hands to the action plan: the hull, the pins, a hint. */
export interface HotspotDraft {
  rank: number
  area: PolygonGeometry
  hotspotRef: string
  pinIds: number[]
  /** Most of the pins are traffic categories: the form suggests the traffic focus area. */
  mostlyTraffic: boolean
}

export function draftFromHotspot(hotspot: HotspotFeature): HotspotDraft {
  const p = hotspot.properties
  const traffic = Object.entries(p.categories).reduce((n, [key, count]) => n + (TRAFFIC.has(key) ? count : 0), 0)
  return { rank: p.rank, area: hotspot.geometry, hotspotRef: p.id, pinIds: p.pins.map((pin) => pin.id), mostlyTraffic: traffic * 2 > p.pinCount }
}

/** Keeps a draft for the action plan page, which opens it in the form (this tab only). */
export function saveDraft(draft: HotspotDraft) {
  window.sessionStorage.setItem(KEY, JSON.stringify(draft))
}

/** The draft left by the hotspot map, once; null when there is none. */
export function takeDraft(): HotspotDraft | null {
  const raw = window.sessionStorage.getItem(KEY)
  window.sessionStorage.removeItem(KEY)
  if (!raw) return null
  try {
    return JSON.parse(raw) as HotspotDraft
  } catch {
    return null
  }
}
