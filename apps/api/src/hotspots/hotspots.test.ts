import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { area as geodesicArea, booleanPointInPolygon } from '@turf/turf'
import type { FastifyInstance } from 'fastify'
import type { Polygon } from 'geojson'
import { sql } from 'kysely'
import type { DbscanResult, GiStarResult, HeatResult, HotspotFeature, HotspotOptions } from '@trygg/domain'
import { buildApp } from '../app.ts'
import { createCampaign, createMunicipality } from '../municipality/municipality.setup.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { createStaff, login, type StaffAgent } from '../../test/staff.ts'

const STAFF_ROLES = ['planner', 'police', 'admin'] as const
const ALL_ROLES = ['admin', 'planner', 'moderator', 'police', 'partner'] as const

/** A pin placed in SWEREF 99 TM (EPSG:3006) metres. */
interface TestPin {
  x: number
  y: number
  campaign: number
  category?: string
  severity?: number
  mask?: number
  agreements?: number
  at?: string
  moderation?: 'published' | 'hidden'
  municipality?: number
}

// DBSCAN layout in the test municipality (EPSG:3006 metres):
//   A: 5 pins 10 m apart on a line from (378000, 6183000)  → one cluster for eps 15, minPoints 3
//   B: 3 pins 12 m apart on a line from (384000, 6188000)  → a cluster for eps 15, noise for eps 11
//   2 lone pins kilometres away                           → noise
const AX = 378000
const AY = 6183000
const BX = 384000
const BY = 6188000

// Gi* layout: municipality "rutnat" whose boundary lies strictly inside the 5×5 block of 100 m
// cells i = 3800…3804, j = 61850…61854, so the study area is exactly those 25 cells.
// Centre cell (3802, 61852) holds 5 pins of severity 1; its 8 neighbours 2 pins of severity 4 each.
const GX = 380000
const GY = 6185000

describe.each(ENGINES)('staff hotspots on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let municipalityId: number
  let continuous: number
  let walk2025: number
  let walk2026: number
  let gridMunicipality: number

  async function insertPins(pins: TestPin[]) {
    const rows = pins.map((p) => ({
      m: p.municipality ?? municipalityId,
      campaign: p.campaign,
      category: p.category ?? 'lighting',
      x: p.x,
      y: p.y,
      severity: p.severity ?? 3,
      mask: p.mask ?? 4,
      agreements: p.agreements ?? 0,
      moderation: p.moderation ?? 'published',
      at: p.at ?? '2026-09-10T12:00:00+02:00',
    }))
    await sql`
      INSERT INTO pin (municipality_id, campaign_id, category_id, geom, severity, times_of_day, agreement_count, moderation, source, created_at)
      SELECT r.m, r.campaign, c.id, ST_Transform(ST_SetSRID(ST_MakePoint(r.x, r.y), 3006), 4326), r.severity, r.mask, r.agreements,
             r.moderation, 'import', r.at
        FROM json_to_recordset(${JSON.stringify(rows)}::json)
             AS r(m integer, campaign integer, category text, x float8, y float8, severity smallint, mask smallint,
                  agreements integer, moderation text, at timestamptz)
        JOIN category AS c ON c.municipality_id = r.m AND c.key = r.category`.execute(db.kysely)
  }

  /** WGS84 [lon, lat] of an EPSG:3006 point, by PostGIS. */
  async function lonLat(x: number, y: number): Promise<[number, number]> {
    const { rows } = await sql<{ lon: number; lat: number }>`
      SELECT ST_X(g) AS lon, ST_Y(g) AS lat FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(${x}::float8, ${y}::float8), 3006), 4326) AS g) AS t`.execute(db.kysely)
    return [rows[0]!.lon, rows[0]!.lat]
  }

  /** Signed-in staff of each role in each municipality, keyed `municipality:role`. */
  const agents = new Map<string, StaffAgent>()
  const get = (url: string, role: string = 'planner', municipality?: number) =>
    agents.get(`${municipality ?? municipalityId}:${role}`)!.inject({ url })

  async function dbscan(query: string): Promise<DbscanResult> {
    const res = await get(`/api/staff/hotspots?method=dbscan&${query}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json()
  }

  async function gistar(query: string): Promise<GiStarResult> {
    const res = await get(`/api/staff/hotspots?method=gistar&${query}`, 'planner', gridMunicipality)
    expect(res.statusCode, res.body).toBe(200)
    return res.json()
  }

  const cell = (r: GiStarResult, i: number, j: number) => r.features.find((f) => f.properties.i === 3800 + i && f.properties.j === 61850 + j)

  beforeAll(async () => {
    db = await openTestDb(engine)
    ;({ municipalityId, campaignId: continuous } = await seedTestMunicipality(db.kysely))
    walk2025 = await createCampaign(db.kysely, { municipalityId, kind: 'digital', name: 'Trygghetsvandring 2025', startsAt: new Date('2025-09-01T00:00:00+02:00'), endsAt: new Date('2025-10-01T00:00:00+02:00') })
    walk2026 = await createCampaign(db.kysely, { municipalityId, kind: 'digital', name: 'Trygghetsvandring 2026', startsAt: new Date('2026-09-01T00:00:00+02:00'), endsAt: new Date('2026-10-01T00:00:00+02:00') })

    const square = await sql<{ boundary: string }>`
      SELECT ST_AsGeoJSON(ST_Transform(ST_MakeEnvelope(${GX + 1}, ${GY + 1}, ${GX + 499}, ${GY + 499}, 3006), 4326), 9) AS boundary`.execute(db.kysely)
    gridMunicipality = await createMunicipality(db.kysely, { slug: 'rutnat', name: 'Rutnät', boundary: JSON.parse(square.rows[0]!.boundary) })
    const gridCampaign = await createCampaign(db.kysely, { municipalityId: gridMunicipality, kind: 'digital', name: 'Rutnät 2026', startsAt: new Date('2026-01-01'), endsAt: null })

    const a = [
      { category: 'lighting', severity: 2, mask: 4, agreements: 0 },
      { category: 'lighting', severity: 3, mask: 12, agreements: 2 },
      { category: 'lighting', severity: 4, mask: 8, agreements: 1 },
      { category: 'vandalism', severity: 5, mask: 1, agreements: 0 },
      { category: 'drugs', severity: 1, mask: 2, agreements: 3 },
    ]
    await insertPins([
      ...a.map((p, k) => ({ ...p, x: AX + 10 * k, y: AY, campaign: walk2026 })),
      // local date 21 September, UTC date 20 September
      ...[0, 12, 24].map((dx) => ({ x: BX + dx, y: BY, campaign: walk2026, category: 'speeding', severity: 5, mask: 8, at: '2026-09-21T00:30:00+02:00' })),
      { x: 381000, y: 6181000, campaign: walk2026, category: 'parking' },
      { x: 386000, y: 6190000, campaign: walk2026, category: 'parking' },
      { x: AX + 15, y: AY + 1, campaign: walk2026, moderation: 'hidden' },
      // the previous walk: two pins inside A's hull, one inside B's, one 50 m from B
      { x: AX + 5, y: AY + 2, campaign: walk2025, category: 'lighting' },
      { x: AX + 35, y: AY - 2, campaign: walk2025, category: 'vandalism' },
      { x: BX + 12, y: BY + 3, campaign: walk2025, category: 'speeding' },
      { x: BX, y: BY + 50, campaign: walk2025, category: 'speeding' },
      // the continuous campaign, inside A's hull
      { x: AX + 20, y: AY, campaign: continuous, category: 'lighting' },
    ])

    const centre = [[-20, -20], [20, -20], [0, 0], [-20, 20], [20, 20]]
    const grid: TestPin[] = centre.map(([dx, dy]) => ({ x: GX + 250 + dx!, y: GY + 250 + dy!, severity: 1, campaign: gridCampaign, municipality: gridMunicipality }))
    for (let i = 1; i <= 3; i++) {
      for (let j = 1; j <= 3; j++) {
        if (i === 2 && j === 2) continue
        for (const dx of [-10, 10]) grid.push({ x: GX + 100 * i + 50 + dx, y: GY + 100 * j + 50, severity: 4, campaign: gridCampaign, municipality: gridMunicipality })
      }
    }
    await insertPins(grid)

    app = await buildApp({ config: testConfig(), db })
    for (const m of [municipalityId, gridMunicipality]) {
      for (const role of ALL_ROLES) agents.set(`${m}:${role}`, await login(app, await createStaff(db.kysely, m, role)))
    }
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  describe('access', () => {
    const routes = ['/api/staff/hotspots?method=dbscan', '/api/staff/hotspots?method=gistar&cellSize=500', '/api/staff/hotspots/heat', '/api/staff/hotspots/options']

    it.each(routes)('%s: 401 without a role, 403 for other roles, 200 for planner, police and admin', async (url) => {
      expect((await app.inject(url)).statusCode).toBe(401)
      for (const role of ['moderator', 'partner']) expect((await get(url, role)).statusCode).toBe(403)
      for (const role of STAFF_ROLES) expect((await get(url, role)).statusCode, role).toBe(200)
    })

    it('refuses to register without access control', async () => {
      await expect(
        buildApp({ config: testConfig(), db, hotspots: { preHandler: [], resolveMunicipalityId: () => municipalityId } }),
      ).rejects.toThrow(/preHandler/)
    })
  })

  describe('dbscan', () => {
    it('finds the two clusters with their statistics, score and trend against the previous walk', async () => {
      const r = await dbscan(`campaign=${walk2026}&eps=15&minPoints=3`)
      expect(r.parameters).toEqual({ eps: 15, minPoints: 3 })
      expect(r.pinCount).toBe(10)
      expect(r.noiseCount).toBe(2)
      expect(r.comparison?.campaign).toMatchObject({ id: walk2025, name: 'Trygghetsvandring 2025' })
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
      expect(westToEast[1]).toMatchObject({ severity: 3, timesOfDay: ['evening', 'night'], agreements: 2, status: 'received', campaignId: walk2026 })
    })

    it('draws each hull as a buffered convex hull around its pins, with the pins’ centroid', async () => {
      const r = await dbscan(`campaign=${walk2026}&eps=15&minPoints=3`)
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
      const narrow = await dbscan(`campaign=${walk2026}&eps=11&minPoints=3`)
      expect(narrow.features.map((f) => f.properties.pinCount)).toEqual([5])
      expect(narrow.noiseCount).toBe(5)
      const strict = await dbscan(`campaign=${walk2026}&eps=15&minPoints=4`)
      expect(strict.features).toEqual([])
      // minPoints 2 with eps 11: A stays whole (10 m steps), B's pins 12 m apart do not pair
      const pairs = await dbscan(`campaign=${walk2026}&eps=11&minPoints=2`)
      expect(pairs.features.map((f) => f.properties.pinCount)).toEqual([5])
      // two pins 48 m apart make a hotspot whose hull is still a polygon
      const two = await dbscan(`campaign=${walk2025}&category=speeding&eps=50&minPoints=2`)
      expect(two.features).toHaveLength(1)
      expect(two.features[0]!.geometry.type).toBe('Polygon')
      expect(geodesicArea(two.features[0]!.geometry as Polygon)).toBeGreaterThan(48 * 20)
    })

    it('filters by category, time of day and local dates, and compares with the same filters', async () => {
      const lighting = await dbscan(`campaign=${walk2026}&eps=15&minPoints=3&category=lighting`)
      expect(lighting.pinCount).toBe(3)
      expect(lighting.features).toHaveLength(1)
      // hull of x 0…20 buffered by 10 m: the 2025 lighting pin at x 5 is inside, the vandalism pin is filtered out
      expect(lighting.features[0]!.properties).toMatchObject({ pinCount: 3, categories: { lighting: 3 }, trend: { then: 1, now: 3, change: 2 } })
      expect(lighting.filters).toEqual({ campaigns: [walk2026], categories: ['lighting'], timesOfDay: null, from: null, to: null })

      const night = await dbscan(`campaign=${walk2026}&eps=15&minPoints=3&timeOfDay=night`)
      expect(night.features.map((f) => f.properties.categories)).toEqual([{ speeding: 3 }])

      // B's pins were made 00:30 on 21 September in Stockholm, 20 September in UTC
      const upTo20 = await dbscan(`campaign=${walk2026}&eps=15&minPoints=3&to=2026-09-20`)
      expect(upTo20.features.map((f) => f.properties.pinCount)).toEqual([5])
      expect(upTo20.pinCount).toBe(7)
      const from21 = await dbscan(`campaign=${walk2026}&eps=15&minPoints=3&from=2026-09-21&to=2026-09-21`)
      expect(from21.features.map((f) => f.properties.pinCount)).toEqual([3])
      // the period applies to the current selection only: the comparison keeps its own campaign's pins
      expect(from21.features[0]!.properties.trend).toEqual({ then: 1, now: 3, change: 2 })
    })

    it('analyses several campaigns together and compares with the campaign before the earliest', async () => {
      const r = await dbscan(`campaign=${walk2025},${walk2026}&eps=15&minPoints=3`)
      expect(r.pinCount).toBe(14)
      expect(r.comparison?.campaign.id).toBe(continuous)
      const [a, b] = r.features as [HotspotFeature, HotspotFeature]
      expect(a.properties).toMatchObject({ pinCount: 7, trend: { then: 1, now: 7, change: 6 } })
      expect(b.properties).toMatchObject({ pinCount: 4, trend: { then: 0, now: 4, change: 4 } })
    })

    it('compares with compareTo, and has no trend without a campaign to compare with', async () => {
      const r = await dbscan(`campaign=${walk2026}&eps=15&minPoints=3&compareTo=${continuous}`)
      expect(r.comparison?.campaign.id).toBe(continuous)
      expect(r.features[0]!.properties.trend).toEqual({ then: 1, now: 5, change: 4 })
      const first = await dbscan(`campaign=${continuous}&eps=15&minPoints=3`)
      expect(first.comparison).toBeNull()
      const all = await dbscan('eps=15&minPoints=3')
      expect(all.comparison).toBeNull()
      expect(all.features.every((f) => f.properties.trend === null)).toBe(true)
      // every published pin of the municipality, hidden ones and other municipalities' left out
      expect(all.pinCount).toBe(15)
    })
  })

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
      const res = await get(`/api/staff/hotspots?method=gistar&cellSize=500&campaign=${walk2026}`)
      expect(res.statusCode, res.body).toBe(200)
      const r = res.json() as GiStarResult
      // the same study area counted another way: every 500 m envelope over the bbox that meets the boundary
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::integer AS n
          FROM (SELECT ST_Transform(boundary, 3006) AS b FROM municipality WHERE municipality_id = ${municipalityId}) AS m,
               generate_series(floor(ST_XMin(m.b) / 500)::integer, floor(ST_XMax(m.b) / 500)::integer) AS i,
               generate_series(floor(ST_YMin(m.b) / 500)::integer, floor(ST_YMax(m.b) / 500)::integer) AS j
         WHERE ST_Intersects(ST_MakeEnvelope(i * 500, j * 500, (i + 1) * 500, (j + 1) * 500, 3006), m.b)`.execute(db.kysely)
      expect(r.grid.n).toBe(rows[0]!.n)
      expect(r.grid.n).toBeGreaterThan(26 * 23)
      expect(r.pinCount).toBe(10)
      expect(r.features.reduce((n, f) => n + f.properties.value, 0)).toBe(10)
      expect(Object.values(r.bins).reduce((n, b) => n + b, 0)).toBe(r.grid.n)
    })
  })

  it('gives heat points with weights and the filter options', async () => {
    const heat = (await get(`/api/staff/hotspots/heat?campaign=${walk2026}&weight=severity`)).json() as HeatResult
    expect(heat.pinCount).toBe(10)
    expect(heat.points.map((p) => p[2]).sort()).toEqual([1, 2, 3, 3, 3, 4, 5, 5, 5, 5])
    const night = (await get(`/api/staff/hotspots/heat?timeOfDay=night`)).json() as HeatResult
    expect(night.points.every((p) => p[2] === 1)).toBe(true)
    expect(night.pinCount).toBe(5)

    const options = (await get('/api/staff/hotspots/options')).json() as HotspotOptions
    expect(options.campaigns.map((c) => c.id)).toEqual([walk2026, walk2025, continuous])
    expect(options.categories.find((c) => c.key === 'drugs')).toMatchObject({ sensitive: true, active: true })
    expect(options.timeZone).toBe('Europe/Stockholm')
    expect(options.defaults).toEqual({ eps: 50, minPoints: 5, cellSize: 100 })
  })

  it('describes its routes in the OpenAPI document', async () => {
    const doc = (await app.inject('/api/openapi.json')).json()
    for (const path of ['/api/staff/hotspots', '/api/staff/hotspots/heat', '/api/staff/hotspots/options']) expect(doc.paths[path]?.get, path).toBeDefined()
  })

  it.each([
    ['no method', ''],
    ['an unknown method', 'method=kmeans'],
    ['eps below the minimum', 'method=dbscan&eps=2'],
    ['eps that is not a number', 'method=dbscan&eps=ten'],
    ['minPoints 1', 'method=dbscan&minPoints=1'],
    ['a fractional minPoints', 'method=dbscan&minPoints=2.5'],
    ['cellSize below the minimum', 'method=gistar&cellSize=5'],
    ['cellSize with dbscan', 'method=dbscan&cellSize=100'],
    ['weight with dbscan', 'method=dbscan&weight=severity'],
    ['eps with gistar', 'method=gistar&eps=50'],
    ['compareTo with gistar', 'method=gistar&compareTo=1'],
    ['fdr that is not a boolean', 'method=gistar&fdr=maybe'],
    ['an unknown weight', 'method=gistar&weight=loudness'],
    ['an unknown cells choice', 'method=gistar&cells=some'],
    ['a campaign that is not a number', 'method=dbscan&campaign=abc'],
    ['an unknown campaign', 'method=dbscan&campaign=99999'],
    ['an unknown compareTo', 'method=dbscan&compareTo=99999'],
    ['an unknown category', 'method=dbscan&category=lighting,ufo'],
    ['an unknown time of day', 'method=dbscan&timeOfDay=noon'],
    ['a bad date', 'method=dbscan&from=2026-13-45'],
    ['from after to', 'method=dbscan&from=2026-05-01&to=2026-04-01'],
    ['an unknown parameter', 'method=dbscan&limit=5'],
    ['a grid too fine for the municipality', 'method=gistar&cellSize=20'],
  ])('refuses %s with 400 and field errors', async (_name, query) => {
    const res = await get(`/api/staff/hotspots?${query}`)
    expect(res.statusCode, res.body).toBe(400)
    const body = res.json()
    expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' })
    expect(body.fields.length).toBeGreaterThan(0)
  })

  it('names every offending field at once, and refuses compareTo among the selected campaigns', async () => {
    const res = await get(`/api/staff/hotspots?method=dbscan&campaign=${walk2026},99999&category=ufo&cellSize=100&from=2026-05-02&to=2026-05-01`)
    expect(res.statusCode).toBe(400)
    expect(res.json().fields.map((f: { field: string }) => f.field).sort()).toEqual(['campaign', 'category', 'cellSize', 'from'])
    const same = await get(`/api/staff/hotspots?method=dbscan&campaign=${walk2026}&compareTo=${walk2026}`)
    expect(same.json().fields).toEqual([{ field: 'compareTo', message: 'is one of the selected campaigns' }])
    const heat = await get('/api/staff/hotspots/heat?category=ufo&eps=3')
    expect(heat.statusCode).toBe(400)
  })
})
