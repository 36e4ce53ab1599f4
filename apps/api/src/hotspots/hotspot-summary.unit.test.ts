import { describe, expect, it } from 'vitest'
import type { ClusterPinRow, ClusterRow } from './dbscan.queries.ts'
import { binCounts, hotspotScore, hotspotStats, toHotspotFeatures } from './hotspot-summary.ts'

const keys = new Map([[1, 'lighting'], [2, 'speeding']])

function pin(id: number, over: Partial<ClusterPinRow> = {}): ClusterPinRow {
  return {
    id,
    lon: 13.1,
    lat: 55.8,
    category_id: 1,
    severity: 3,
    times_of_day: 4,
    agreement_count: 0,
    status: 'received',
    campaign_id: 7,
    created_ms: Date.UTC(2026, 8, 10, 10),
    ...over,
  }
}

const row = (pins: ClusterPinRow[], then: number | null = null): ClusterRow => ({
  hull: '{"type":"Polygon","coordinates":[[[13,55],[13.1,55],[13.1,55.1],[13,55]]]}',
  centroid_lon: 13.05,
  centroid_lat: 55.03,
  pins,
  now: pins.length,
  then,
})

describe('hotspotScore', () => {
  it('is (pins + 0.5 × agreements) × mean severity', () => {
    expect(hotspotScore(10, 4, 3)).toBe(36)
    expect(hotspotScore(1, 0, 1)).toBe(1)
    expect(hotspotScore(3, 1, 7 / 3)).toBe(8.17)
  })
})

describe('hotspotStats', () => {
  it('counts categories, times of day, agreements and the mean severity', () => {
    const stats = hotspotStats(
      [pin(1, { severity: 1, times_of_day: 15, agreement_count: 2 }), pin(2, { severity: 2, category_id: 2, times_of_day: 8 }), pin(3, { severity: 4, category_id: 9 })],
      keys,
    )
    expect(stats).toEqual({
      pinCount: 3,
      agreements: 2,
      meanSeverity: 2.33,
      // (3 + 0.5·2) × 7/3 = 9.333…
      score: 9.33,
      categories: { lighting: 1, speeding: 1, other: 1 },
      timesOfDay: { morning: 1, day: 1, evening: 2, night: 2 },
    })
  })

  it('refuses an empty hotspot', () => {
    expect(() => hotspotStats([], keys)).toThrow(RangeError)
  })
})

describe('toHotspotFeatures', () => {
  it('ranks by score, ties to the lower lowest pin id, and names each by its lowest pin', () => {
    const features = toHotspotFeatures([row([pin(9), pin(4)]), row([pin(3), pin(8)]), row([pin(5, { severity: 5 })], 2)], keys)
    expect(features.map((f) => [f.properties.id, f.properties.rank, f.properties.score])).toEqual([
      ['dbscan-3', 1, 6],
      ['dbscan-4', 2, 6],
      ['dbscan-5', 3, 5],
    ])
    expect(features[2]!.properties.trend).toEqual({ then: 2, now: 1, change: -1 })
    expect(features[0]!.properties.trend).toBeNull()
    expect(features[0]!.properties.pins[0]).toEqual({
      id: 3, lon: 13.1, lat: 55.8, category: 'lighting', severity: 3, timesOfDay: ['evening'], agreements: 0,
      status: 'received', campaignId: 7, createdAt: '2026-09-10T10:00:00.000Z',
    })
  })
})

describe('binCounts', () => {
  it('has every bin', () => {
    expect(binCounts([3, 0, 0, -1])).toEqual({ '-3': 0, '-2': 0, '-1': 1, '0': 2, '1': 0, '2': 0, '3': 1 })
  })
})
