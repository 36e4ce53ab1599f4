import { AGREEMENT_WEIGHT, maskToTimesOfDay, type HotspotFeature, type HotspotPin, type TimeOfDayProfile } from '@trygg/domain'
import type { ClusterPinRow, ClusterRow } from './dbscan.queries.ts'

/**
 * A hotspot's score: pins plus agreements at half weight, times the mean severity (1–5),
 * rounded to 2 decimals. Ten pins of severity 3 with four agreements score (10 + 2) × 3 = 36.
 * @example hotspotScore(10, 4, 3) // 36
 */
export function hotspotScore(pinCount: number, agreements: number, meanSeverity: number): number {
  return round2((pinCount + AGREEMENT_WEIGHT * agreements) * meanSeverity)
}

export interface HotspotStats {
  pinCount: number
  agreements: number
  /** Mean severity, rounded to 2 decimals. */
  meanSeverity: number
  score: number
  /** Pins per category key. */
  categories: Record<string, number>
  /** Pins marked with each time of day; a pin marked with several counts in each. */
  timesOfDay: TimeOfDayProfile
}

/** The statistics of a non-empty group of pins. `categoryKeys` maps category id → key. */
export function hotspotStats(pins: readonly ClusterPinRow[], categoryKeys: ReadonlyMap<number, string>): HotspotStats {
  if (!pins.length) throw new RangeError('a hotspot has at least one pin')
  const categories: Record<string, number> = {}
  const timesOfDay: TimeOfDayProfile = { morning: 0, day: 0, evening: 0, night: 0 }
  let agreements = 0
  let severity = 0
  for (const pin of pins) {
    agreements += pin.agreement_count
    severity += pin.severity
    const key = categoryKeys.get(pin.category_id) ?? 'other'
    categories[key] = (categories[key] ?? 0) + 1
    for (const t of maskToTimesOfDay(pin.times_of_day)) timesOfDay[t] += 1
  }
  const mean = severity / pins.length
  return {
    pinCount: pins.length,
    agreements,
    meanSeverity: round2(mean),
    score: hotspotScore(pins.length, agreements, mean),
    categories,
    timesOfDay,
  }
}

export function toHotspotPin(pin: ClusterPinRow, categoryKeys: ReadonlyMap<number, string>): HotspotPin {
  return {
    id: pin.id,
    lon: round7(pin.lon),
    lat: round7(pin.lat),
    category: categoryKeys.get(pin.category_id) ?? 'other',
    severity: pin.severity,
    timesOfDay: maskToTimesOfDay(pin.times_of_day),
    agreements: pin.agreement_count,
    status: pin.status,
    campaignId: pin.campaign_id,
    createdAt: new Date(pin.created_ms).toISOString(),
  }
}

/**
 * GeoJSON features of DBSCAN clusters, highest score first (ties: the cluster with the lower
 * lowest pin id first), ranked from 1. Trends are null when `rows` carry no comparison counts.
 */
export function toHotspotFeatures(rows: readonly ClusterRow[], categoryKeys: ReadonlyMap<number, string>): HotspotFeature[] {
  const features = rows.map((row): HotspotFeature => {
    const stats = hotspotStats(row.pins, categoryKeys)
    const lowest = Math.min(...row.pins.map((p) => p.id))
    return {
      type: 'Feature',
      geometry: JSON.parse(row.hull),
      properties: {
        id: `dbscan-${lowest}`,
        rank: 0,
        centroid: [round7(row.centroid_lon), round7(row.centroid_lat)],
        ...stats,
        trend: row.then === null ? null : { then: row.then, now: row.now, change: row.now - row.then },
        pins: row.pins.map((p) => toHotspotPin(p, categoryKeys)),
      },
    }
  })
  const lowestId = (f: HotspotFeature) => Number(f.properties.id.slice('dbscan-'.length))
  features.sort((a, b) => b.properties.score - a.properties.score || lowestId(a) - lowestId(b))
  features.forEach((f, k) => (f.properties.rank = k + 1))
  return features
}

/** Cells per bin over the whole study area, every bin −3…3 present. */
export function binCounts(bins: Iterable<number>): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries([-3, -2, -1, 0, 1, 2, 3].map((b) => [String(b), 0]))
  for (const b of bins) counts[String(b)] = (counts[String(b)] ?? 0) + 1
  return counts
}

const round2 = (v: number) => Math.round(v * 100) / 100
const round7 = (v: number) => Math.round(v * 1e7) / 1e7
