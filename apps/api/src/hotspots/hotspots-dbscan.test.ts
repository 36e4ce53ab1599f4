import { describe, expect, it } from 'vitest'
import { area as geodesicArea, booleanPointInPolygon } from '@turf/turf'
import type { Polygon } from 'geojson'
import { sql } from 'kysely'
import type { HotspotFeature } from '@trygg/domain'
import { ENGINES } from '../../test/test-db.ts'
import { createCampaign } from '../municipality/municipality.setup.ts'
import { AX, AY, useHotspotFixture } from '../../test/hotspot-fixture.ts'

describe.each(ENGINES)('staff hotspots by DBSCAN on %s', (engine) => {
  const { state, dbscan, lonLat } = useHotspotFixture(engine)

  describe('dbscan', () => {
    it('finds the two clusters with their statistics, score and trend against the previous walk', async () => {
      const r = await dbscan(`campaign=${state.walk2026}&eps=15&minPoints=3`)
      expect(r.parameters).toEqual({ eps: 15, minPoints: 3 })
      expect(r.pinCount).toBe(10)
      expect(r.noiseCount).toBe(2)
      expect(r.comparison?.campaign).toMatchObject({ id: state.walk2025, name: 'Trygghetsvandring 2025' })
      expect(r.features).toHaveLength(2)
      const [a, b] = r.features as [HotspotFeature, HotspotFeature]
      // A: severities 2,3,4,5,1 → mean 3; agreements 0+2+1+0+3 = 6; score (5 + 0.5·6) × 3 = 24
      expect(a.properties).toMatchObject({
        rank: 1,
        pinCount: 5,
        agreements: 6,
        meanSeverity: 3,
        score: 24,
        categories: { lighting: 3, vandalism: 1, drugs: 1 },
        // masks 4, 12, 8, 1, 2
        timesOfDay: { morning: 1, day: 1, evening: 2, night: 2 },
        // two pins of 2025 inside the hull; the continuous campaign's pin is not compared
        trend: { then: 2, now: 5, change: 3 },
      })
      // B: 3 pins of severity 5, no agreements → 15; one 2025 pin inside, one 50 m away outside
      expect(b.properties).toMatchObject({ rank: 2, pinCount: 3, agreements: 0, meanSeverity: 5, score: 15, categories: { speeding: 3 } })
      expect(b.properties.trend).toEqual({ then: 1, now: 3, change: 2 })
      const westToEast = [...a.properties.pins].sort((p, q) => p.lon - q.lon)
      expect(westToEast.map((p) => p.category)).toEqual(['lighting', 'lighting', 'lighting', 'vandalism', 'drugs'])
      expect(a.properties.pins.map((p) => p.id)).toEqual(a.properties.pins.map((p) => p.id).sort((x, y) => x - y))
      expect(a.properties.id).toBe(`dbscan-${a.properties.pins[0]!.id}`)
      expect(westToEast[1]).toMatchObject({ severity: 3, timesOfDay: ['evening', 'night'], agreements: 2, status: 'received', campaignId: state.walk2026 })
    })

    it('draws each hull as a buffered convex hull around its pins, with the pins’ centroid', async () => {
      const r = await dbscan(`campaign=${state.walk2026}&eps=15&minPoints=3`)
      const a = r.features[0]!
      expect(a.geometry.type).toBe('Polygon')
      for (const pin of a.properties.pins) expect(booleanPointInPolygon([pin.lon, pin.lat], a.geometry as Polygon)).toBe(true)
      // a 40 m segment buffered by 10 m with 4 segments per quarter circle: a 40 × 20 m rectangle
      // plus the two half 16-gons of radius 10 m, ½·16·10²·sin(2π/16) = 306.15 m², in all 1106.15 m²
      expect(geodesicArea(a.geometry as Polygon)).toBeGreaterThan((800 + 306.15) * 0.995)
      expect(geodesicArea(a.geometry as Polygon)).toBeLessThan((800 + 306.15) * 1.005)
      expect(booleanPointInPolygon(await lonLat(AX + 20, AY + 9), a.geometry as Polygon)).toBe(true)
      expect(booleanPointInPolygon(await lonLat(AX + 20, AY + 11), a.geometry as Polygon)).toBe(false)
      const [lon, lat] = await lonLat(AX + 20, AY)
      expect(a.properties.centroid[0]).toBeCloseTo(lon, 6)
      expect(a.properties.centroid[1]).toBeCloseTo(lat, 6)
      expect(r.features[1]!.geometry.type).toBe('Polygon')
    })

    it('follows eps and minPoints', async () => {
      const narrow = await dbscan(`campaign=${state.walk2026}&eps=11&minPoints=3`)
      expect(narrow.features.map((f) => f.properties.pinCount)).toEqual([5])
      expect(narrow.noiseCount).toBe(5)
      const strict = await dbscan(`campaign=${state.walk2026}&eps=15&minPoints=4`)
      expect(strict.features).toEqual([])
      // minPoints 2 with eps 11: A stays whole (10 m steps), B's pins 12 m apart do not pair
      const pairs = await dbscan(`campaign=${state.walk2026}&eps=11&minPoints=2`)
      expect(pairs.features.map((f) => f.properties.pinCount)).toEqual([5])
      // two pins 48 m apart make a hotspot whose hull is still a polygon
      const two = await dbscan(`campaign=${state.walk2025}&category=speeding&eps=50&minPoints=2`)
      expect(two.features).toHaveLength(1)
      expect(two.features[0]!.geometry.type).toBe('Polygon')
      expect(geodesicArea(two.features[0]!.geometry as Polygon)).toBeGreaterThan(48 * 20)
    })

    it('filters by category, time of day and local dates, and compares with the same filters', async () => {
      const lighting = await dbscan(`campaign=${state.walk2026}&eps=15&minPoints=3&category=lighting`)
      expect(lighting.pinCount).toBe(3)
      expect(lighting.features).toHaveLength(1)
      // hull of x 0…20 buffered by 10 m: the 2025 lighting pin at x 5 is inside, the vandalism pin is filtered out
      expect(lighting.features[0]!.properties).toMatchObject({ pinCount: 3, categories: { lighting: 3 }, trend: { then: 1, now: 3, change: 2 } })
      expect(lighting.filters).toEqual({ campaigns: [state.walk2026], categories: ['lighting'], timesOfDay: null, from: null, to: null })

      const night = await dbscan(`campaign=${state.walk2026}&eps=15&minPoints=3&timeOfDay=night`)
      expect(night.features.map((f) => f.properties.categories)).toEqual([{ speeding: 3 }])

      // B's pins were made 00:30 on 21 September in Stockholm, 20 September in UTC
      const upTo20 = await dbscan(`campaign=${state.walk2026}&eps=15&minPoints=3&to=2026-09-20`)
      expect(upTo20.features.map((f) => f.properties.pinCount)).toEqual([5])
      expect(upTo20.pinCount).toBe(7)
      const from21 = await dbscan(`campaign=${state.walk2026}&eps=15&minPoints=3&from=2026-09-21&to=2026-09-21`)
      expect(from21.features.map((f) => f.properties.pinCount)).toEqual([3])
      // the period applies to the current selection only: the comparison keeps its own campaign's pins
      expect(from21.features[0]!.properties.trend).toEqual({ then: 1, now: 3, change: 2 })
    })

    it('analyses several campaigns together and compares with the campaign before the earliest', async () => {
      const r = await dbscan(`campaign=${state.walk2025},${state.walk2026}&eps=15&minPoints=3`)
      expect(r.pinCount).toBe(14)
      expect(r.comparison?.campaign.id).toBe(state.continuous)
      const [a, b] = r.features as [HotspotFeature, HotspotFeature]
      expect(a.properties).toMatchObject({ pinCount: 7, trend: { then: 1, now: 7, change: 6 } })
      expect(b.properties).toMatchObject({ pinCount: 4, trend: { then: 0, now: 4, change: 4 } })
    })

    it('compares with compareTo, and has no trend without a campaign to compare with', async () => {
      const r = await dbscan(`campaign=${state.walk2026}&eps=15&minPoints=3&compareTo=${state.continuous}`)
      expect(r.comparison?.campaign.id).toBe(state.continuous)
      expect(r.features[0]!.properties.trend).toEqual({ then: 1, now: 5, change: 4 })
      const first = await dbscan(`campaign=${state.continuous}&eps=15&minPoints=3`)
      expect(first.comparison).toBeNull()
      const all = await dbscan('eps=15&minPoints=3')
      expect(all.comparison).toBeNull()
      expect(all.features.every((f) => f.properties.trend === null)).toBe(true)
      // every published pin of the municipality, hidden ones and other municipalities' left out
      expect(all.pinCount).toBe(15)
    })

    // Runs last: its pins are a campaign of their own, added here.
    it('counts a noise pin inside a hull in the trend\'s "now"', async () => {
      const ring = await createCampaign(state.db.kysely, { municipalityId: state.municipalityId, kind: 'digital', name: 'Ring', startsAt: new Date('2026-10-15T00:00:00+02:00'), endsAt: null })
      // 8 pins on a circle of radius 30 m (neighbours 22.96 m apart, next but one 42.43 m): with
      // eps 25 and minPoints 3 each has itself and 2 neighbours, one cluster of 8. The centre pin
      // is 30 m from all of them: noise, yet inside their hull.
      const cx = AX
      const cy = AY + 3000
      const pins = [...Array.from({ length: 8 }, (_, k) => [cx + 30 * Math.cos((k * Math.PI) / 4), cy + 30 * Math.sin((k * Math.PI) / 4)]), [cx, cy]]
      await sql`
        INSERT INTO pin (municipality_id, campaign_id, category_id, geom, severity, times_of_day, source)
        SELECT ${state.municipalityId}, ${ring}, c.id, ST_Transform(ST_SetSRID(ST_MakePoint(t.x, t.y), 3006), 4326), 3, 4, 'import'
          FROM json_to_recordset(${JSON.stringify(pins.map(([x, y]) => ({ x, y })))}::json) AS t(x float8, y float8)
          JOIN category AS c ON c.municipality_id = ${state.municipalityId} AND c.key = 'lighting'`.execute(state.db.kysely)
      const r = await dbscan(`campaign=${ring}&eps=25&minPoints=3`)
      expect(r.pinCount).toBe(9)
      expect(r.noiseCount).toBe(1)
      expect(r.comparison?.campaign.id).toBe(state.walk2026)
      expect(r.features).toHaveLength(1)
      expect(r.features[0]!.properties.pinCount).toBe(8)
      // the 8 of the cluster and the noise pin at the centre; none of the 2026 walk near
      expect(r.features[0]!.properties.trend).toEqual({ then: 0, now: 9, change: 9 })
    })
  })
})
