import { describe, expect, it } from 'vitest'
import { booleanPointInPolygon } from '@turf/turf'
import type { Polygon } from 'geojson'
import { sql } from 'kysely'
import type { GiStarResult } from '@trygg/domain'
import { ENGINES } from '../../test/test-db.ts'
import { GX, GY, useHotspotFixture } from '../../test/hotspot-fixture.ts'

describe.each(ENGINES)('staff hotspots by Getis-Ord Gi* on %s', (engine) => {
  const { state, get, gistar, cell, lonLat } = useHotspotFixture(engine)

  describe('gistar', () => {
    it('scores the 5×5 grid as computed by hand', async () => {
      const r = await gistar('cellSize=100&cells=all')
      // n = 25, values: centre 5, its 8 neighbours 2, the rest 0 → X̄ = 21/25 = 0.84,
      // S = √(Σx²/n − X̄²) = √(57/25 − 0.7056) = √1.5744 = 1.254751
      expect(r.grid).toMatchObject({ srid: 3006, cellSize: 100, n: 25 })
      expect(r.grid.mean).toBeCloseTo(0.84, 12)
      expect(r.grid.sd).toBeCloseTo(1.254751, 6)
      expect(r.pinCount).toBe(21)
      expect(r.features).toHaveLength(25)
      // centre: 9 neighbours sum 21; Gi* = (21 − 0.84·9) / (S·√((25·9 − 9²)/24)) = 13.44 / (S·√6) = 4.372865
      expect(cell(r, 2, 2)!.properties).toMatchObject({ value: 5, bin: 3 })
      expect(cell(r, 2, 2)!.properties.z).toBeCloseTo(4.372865, 6)
      // p = 2·(1 − Φ(4.372865)) = 1.22626e-5
      expect(cell(r, 2, 2)!.properties.p).toBeCloseTo(1.22626e-5, 9)
      // (2,1): neighbours sum 2+2+2+2+5+2 = 15 → (15 − 7.56) / (S·√6) = 2.420693 → 95 % hot
      expect(cell(r, 2, 1)!.properties.z).toBeCloseTo(2.420693, 6)
      expect(cell(r, 2, 1)!.properties.bin).toBe(2)
      // (1,1): neighbours sum 2+2+2+5 = 11 → (11 − 7.56) / (S·√6) = 1.119245 → not significant
      expect(cell(r, 1, 1)!.properties).toMatchObject({ value: 2, bin: 0 })
      expect(cell(r, 1, 1)!.properties.z).toBeCloseTo(1.119245, 6)
      // (2,0): edge, 6 neighbours sum 6 → (6 − 5.04) / (S·√((150 − 36)/24)) = 0.96 / (S·√4.75) = 0.351048
      expect(cell(r, 2, 0)!.properties.z).toBeCloseTo(0.351048, 6)
      // (0,0): corner, 4 neighbours sum 2 → (2 − 3.36) / (S·√((100 − 16)/24)) = −1.36 / (S·√3.5) = −0.579358
      expect(cell(r, 0, 0)!.properties).toMatchObject({ value: 0, bin: 0 })
      expect(cell(r, 0, 0)!.properties.z).toBeCloseTo(-0.579358, 6)
      expect(r.bins).toEqual({ '-3': 0, '-2': 0, '-1': 0, '0': 20, '1': 0, '2': 4, '3': 1 })
    })

    it('aligns cells to multiples of cellSize in the metric SRID and draws them in WGS84', async () => {
      const r = await gistar('cellSize=100')
      const centre = cell(r, 2, 2)!.geometry as Polygon
      expect(booleanPointInPolygon(await lonLat(GX + 201, GY + 201), centre)).toBe(true)
      expect(booleanPointInPolygon(await lonLat(GX + 299, GY + 299), centre)).toBe(true)
      expect(booleanPointInPolygon(await lonLat(GX + 199, GY + 250), centre)).toBe(false)
      expect(booleanPointInPolygon(await lonLat(GX + 250, GY + 301), centre)).toBe(false)
    })

    it('returns only notable cells unless asked for all', async () => {
      const r = await gistar('cellSize=100')
      // the 9 cells holding pins; no empty cell reaches a bin here
      expect(r.features).toHaveLength(9)
      expect(r.grid.n).toBe(25)
      expect(r.features.every((f) => f.properties.value > 0 || f.properties.bin !== 0)).toBe(true)
    })

    it('weighs by severity', async () => {
      const r = await gistar('cellSize=100&weight=severity&cells=all')
      // centre 5 × severity 1 = 5, neighbours 2 × severity 4 = 8: X̄ = 69/25 = 2.76, S² = 537/25 − 2.76² = 13.8624
      // centre: (69 − 2.76·9) / (√13.8624·√6) = 44.16 / 9.12 = 4.842105
      expect(cell(r, 2, 2)!.properties.value).toBe(5)
      expect(cell(r, 1, 1)!.properties.value).toBe(8)
      expect(cell(r, 2, 2)!.properties.z).toBeCloseTo(4.842105, 6)
      expect(r.parameters.weight).toBe('severity')
    })

    it('bins from Benjamini–Hochberg adjusted p-values with fdr', async () => {
      const r = await gistar('cellSize=100&fdr=true&cells=all')
      // p of the four (2,1)-like cells is 0.0154909 (ranks 2–5 of 25): q = 0.0154909·25/5 = 0.0774547 → 90 %
      // the centre's q = 1.22626e-5·25/1 = 3.06566e-4 → still 99 %
      expect(cell(r, 2, 1)!.properties.q).toBeCloseTo(0.0774547, 6)
      expect(cell(r, 2, 1)!.properties.bin).toBe(1)
      expect(cell(r, 2, 2)!.properties.q).toBeCloseTo(3.06566e-4, 8)
      expect(cell(r, 2, 2)!.properties.bin).toBe(3)
      expect(r.bins).toEqual({ '-3': 0, '-2': 0, '-1': 0, '0': 20, '1': 4, '2': 0, '3': 1 })
      expect((await gistar('cellSize=100')).features.every((f) => f.properties.q === undefined)).toBe(true)
    })

    it('covers a whole municipality, empty cells included', async () => {
      const res = await get(`/api/staff/hotspots?method=gistar&cellSize=500&campaign=${state.walk2026}`)
      expect(res.statusCode, res.body).toBe(200)
      const r = res.json() as GiStarResult
      // the same study area counted another way: every 500 m envelope over the bbox that meets the boundary
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::integer AS n
          FROM (SELECT ST_Transform(boundary, 3006) AS b FROM municipality WHERE municipality_id = ${state.municipalityId}) AS m,
               generate_series(floor(ST_XMin(m.b) / 500)::integer, floor(ST_XMax(m.b) / 500)::integer) AS i,
               generate_series(floor(ST_YMin(m.b) / 500)::integer, floor(ST_YMax(m.b) / 500)::integer) AS j
         WHERE ST_Intersects(ST_MakeEnvelope(i * 500, j * 500, (i + 1) * 500, (j + 1) * 500, 3006), m.b)`.execute(state.db.kysely)
      expect(r.grid.n).toBe(rows[0]!.n)
      expect(r.grid.n).toBeGreaterThan(26 * 23)
      expect(r.pinCount).toBe(10)
      expect(r.features.reduce((n, f) => n + f.properties.value, 0)).toBe(10)
      expect(Object.values(r.bins).reduce((n, b) => n + b, 0)).toBe(r.grid.n)
    })
  })
})
