import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import type { DbscanResult, HeatResult } from '@trygg/domain'
import { buildApp } from '../app.ts'
import { createCampaign } from '../municipality/municipality.setup.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { createStaff, login, type StaffAgent } from '../../test/staff.ts'

interface TestPin {
  campaign: 'y2025' | 'y2026'
  category: string
  mask: number
  at: string
  moderation?: 'published' | 'hidden'
  comment?: string
  commentState?: 'approved' | 'pending'
}

// Every pin lies within a few hundred metres of the others, so that DBSCAN with eps 2000 and
// minPoints 2 puts every selected pin into a hotspot whose pin list names it.
const PINS: TestPin[] = [
  { campaign: 'y2025', category: 'lighting', mask: 8, at: '2025-09-05T21:00:00+02:00' },
  { campaign: 'y2025', category: 'speeding', mask: 2, at: '2025-09-06T12:00:00+02:00', comment: 'Bilar kör fort', commentState: 'approved' },
  { campaign: 'y2025', category: 'drugs', mask: 12, at: '2025-09-07T23:00:00+02:00' },
  { campaign: 'y2026', category: 'lighting', mask: 4, at: '2026-09-01T00:30:00+02:00', comment: '=HYPERLINK("http://x")', commentState: 'approved' },
  { campaign: 'y2026', category: 'lighting', mask: 8, at: '2026-09-10T22:00:00+02:00', comment: 'Namn Namnsson', commentState: 'pending' },
  { campaign: 'y2026', category: 'speeding', mask: 9, at: '2026-09-11T07:00:00+02:00' },
  { campaign: 'y2026', category: 'vandalism', mask: 2, at: '2026-09-20T13:00:00+02:00' },
  { campaign: 'y2026', category: 'speeding', mask: 8, at: '2026-09-30T23:59:00+02:00' },
  { campaign: 'y2026', category: 'lighting', mask: 8, at: '2026-09-12T22:00:00+02:00', moderation: 'hidden' },
]

/** Where the k-th pin lies, to the 7 decimals the export writes. */
const lonOf = (k: number) => Number((13.1 + 0.0007 * k).toFixed(7))
const latOf = (k: number) => Number((55.8 + 0.0003 * k).toFixed(7))

const FILTERS = [
  '',
  'campaign=Y26',
  'campaign=Y25,Y26&category=lighting,speeding',
  'category=speeding,drugs&timeOfDay=night',
  'from=2026-09-01&to=2026-09-11',
  'campaign=Y26&timeOfDay=morning,night&from=2026-09-02',
]

describe.each(ENGINES)('pin export on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let planner: StaffAgent
  let police: StaffAgent
  const campaigns: Record<string, number> = {}
  const query = (filters: string) => filters.replace('Y25', String(campaigns.y2025)).replace('Y26', String(campaigns.y2026))

  beforeAll(async () => {
    db = await openTestDb(engine)
    const { municipalityId } = await seedTestMunicipality(db.kysely)
    campaigns.y2025 = await createCampaign(db.kysely, { municipalityId, kind: 'digital', name: 'Trygghetsvandring 2025', startsAt: new Date('2025-09-01T00:00:00+02:00'), endsAt: new Date('2025-10-01T00:00:00+02:00') })
    campaigns.y2026 = await createCampaign(db.kysely, { municipalityId, kind: 'digital', name: 'Trygghetsvandring 2026', startsAt: new Date('2026-09-01T00:00:00+02:00'), endsAt: new Date('2026-10-01T00:00:00+02:00') })
    const rows = PINS.map((p, k) => ({
      campaign: campaigns[p.campaign],
      category: p.category,
      lon: lonOf(k),
      lat: latOf(k),
      mask: p.mask,
      at: p.at,
      moderation: p.moderation ?? 'published',
      comment: p.comment ?? null,
      state: p.commentState ?? 'none',
    }))
    await sql`
      INSERT INTO pin (municipality_id, campaign_id, category_id, geom, severity, times_of_day, moderation, comment, comment_state, source, created_at)
      SELECT ${municipalityId}, r.campaign, c.id, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), 3, r.mask, r.moderation, r.comment, r.state, 'web', r.at
        FROM json_to_recordset(${JSON.stringify(rows)}::json)
             AS r(campaign integer, category text, lon float8, lat float8, mask smallint, at timestamptz, moderation text, comment text, state text)
        JOIN category AS c ON c.municipality_id = ${municipalityId} AND c.key = r.category`.execute(db.kysely)
    app = await buildApp({ config: testConfig(), db })
    planner = await login(app, await createStaff(db.kysely, municipalityId, 'planner'))
    police = await login(app, await createStaff(db.kysely, municipalityId, 'police'))
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  async function exported(filters: string) {
    const csv = await planner.inject({ url: `/api/staff/pins/export?format=csv&${query(filters)}` })
    expect(csv.statusCode, csv.body).toBe(200)
    const geo = await planner.inject({ url: `/api/staff/pins/export?format=geojson&${query(filters)}` })
    expect(geo.statusCode, geo.body).toBe(200)
    const rows = Papa.parse<Record<string, string>>(csv.body.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data
    return { csv, geo, rows, collection: geo.json() as { features: { id: number; geometry: { coordinates: [number, number] }; properties: Record<string, unknown> }[] } }
  }

  it.each(FILTERS)('exports exactly the pins the hotspot map analyses for "%s"', async (filters) => {
    const { rows, collection } = await exported(filters)
    const heat = await planner.inject({ url: `/api/staff/hotspots/heat?${query(filters)}` })
    const map = await planner.inject({ url: `/api/staff/hotspots?method=dbscan&eps=2000&minPoints=2&${query(filters)}` })
    const heatBody: HeatResult = heat.json()
    const mapBody: DbscanResult = map.json()
    expect(heatBody.pinCount).toBeGreaterThanOrEqual(2)
    expect(mapBody.noiseCount).toBe(0)
    const mapIds = mapBody.features.flatMap((f) => f.properties.pins.map((p) => p.id)).sort((a, b) => a - b)
    expect(rows.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual(mapIds)
    expect(collection.features.map((f) => f.id).sort((a, b) => a - b)).toEqual(mapIds)
    const round = (n: number) => Math.round(n * 1e6) / 1e6
    const key = ([lon, lat]: number[]) => `${round(lon!)},${round(lat!)}`
    expect(collection.features.map((f) => key(f.geometry.coordinates)).sort()).toEqual(heatBody.points.map(key).sort())
  })

  it('writes every column, ISO dates, approved comments only, and neutralises formulas', async () => {
    const { csv, rows } = await exported(`campaign=Y26&category=lighting`)
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/)
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="trygghetsmarkeringar-\d{4}-\d{2}-\d{2}\.csv"$/)
    expect(csv.body.startsWith('\uFEFFid,created_at,campaign_id,campaign,category,category_sv,category_en,severity,times_of_day,agreements,status,source,comment,lat,lon\r\n')).toBe(true)
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({
      created_at: '2026-08-31T22:30:00.000Z',
      campaign_id: String(campaigns.y2026),
      campaign: 'Trygghetsvandring 2026',
      category: 'lighting',
      category_sv: 'Dålig belysning',
      times_of_day: 'evening',
      status: 'received',
      comment: `'=HYPERLINK("http://x")`,
      lon: String(lonOf(3)),
    })
    expect(rows[1]).toMatchObject({ times_of_day: 'night', comment: '' })
    expect(csv.body).not.toContain('Namnsson')
  })

  it('writes RFC 7946 GeoJSON: Points in lon, lat order, with the filters applied', async () => {
    const { geo, collection } = await exported('category=drugs')
    expect(geo.headers['content-type']).toMatch(/^application\/geo\+json/)
    expect(geo.headers['content-disposition']).toMatch(/filename="trygghetsmarkeringar-\d{4}-\d{2}-\d{2}\.geojson"/)
    const body = geo.json()
    expect(body).toMatchObject({ type: 'FeatureCollection', filters: { categories: ['drugs'], campaigns: null } })
    expect(collection.features).toHaveLength(1)
    expect(collection.features[0]).toMatchObject({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lonOf(2), latOf(2)] },
      properties: { category: 'drugs', timesOfDay: ['evening', 'night'], createdAt: '2025-09-07T21:00:00.000Z', comment: null },
    })
  })

  it('lets the police export what their map shows', async () => {
    const res = await police.inject({ url: '/api/staff/pins/export?format=geojson&category=speeding' })
    expect(res.statusCode).toBe(200)
    expect(res.json().features).toHaveLength(3)
  })

  it('refuses unknown filters and formats with a 400 naming the field', async () => {
    const unknown = await planner.inject({ url: '/api/staff/pins/export?format=csv&category=nope' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().fields).toEqual([{ field: 'category', message: 'unknown: nope' }])
    const format = await planner.inject({ url: '/api/staff/pins/export?format=xlsx' })
    expect(format.statusCode).toBe(400)
    const order = await planner.inject({ url: '/api/staff/pins/export?format=csv&from=2026-10-01&to=2026-09-01' })
    expect(order.statusCode).toBe(400)
  })
})
