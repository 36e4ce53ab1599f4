import { afterAll, beforeAll, expect } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import type { DbscanResult, GiStarResult } from '@trygg/domain'
import { buildApp } from '../src/app.ts'
import { createCampaign, createMunicipality } from '../src/municipality/municipality.setup.ts'
import type { Engine } from '../src/db/database.ts'
import { openTestDb, type TestDb } from './test-db.ts'
import { seedTestMunicipality, testConfig } from './fixtures.ts'
import { createStaff, login, type StaffAgent } from './staff.ts'

/** The roles that may use the hotspot map. */
export const STAFF_ROLES = ['planner', 'police', 'admin'] as const
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
export const AX = 378000
export const AY = 6183000
const BX = 384000
const BY = 6188000

// Gi* layout: municipality "rutnat" whose boundary lies strictly inside the 5×5 block of 100 m
// cells i = 3800…3804, j = 61850…61854, so the study area is exactly those 25 cells.
// Centre cell (3802, 61852) holds 5 pins of severity 1; its 8 neighbours 2 pins of severity 4 each.
export const GX = 380000
export const GY = 6185000

/** The test database, app and campaigns of the hotspot tests; filled in by the suite's `beforeAll`. */
export interface HotspotState {
  db: TestDb
  app: FastifyInstance
  /** The test municipality, its continuous campaign and its walks of 2025 and 2026. */
  municipalityId: number
  continuous: number
  walk2025: number
  walk2026: number
  /** The municipality "rutnat" of the Gi* layout. */
  gridMunicipality: number
}

/**
 * Opens a new database of `engine` with the DBSCAN and Gi* layouts above, Trygg on it and signed-in
 * staff of every role in both municipalities, for the suite this is called in; closes them after it.
 * Answers the state and the request helpers of the hotspot tests.
 *
 * @example const { state, dbscan } = useHotspotFixture(engine)
 */
export function useHotspotFixture(engine: Engine) {
  const state = {} as HotspotState

  async function insertPins(pins: TestPin[]) {
    const rows = pins.map((p) => ({
      m: p.municipality ?? state.municipalityId,
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
        JOIN category AS c ON c.municipality_id = r.m AND c.key = r.category`.execute(state.db.kysely)
  }

  /** WGS84 [lon, lat] of an EPSG:3006 point, by PostGIS. */
  async function lonLat(x: number, y: number): Promise<[number, number]> {
    const { rows } = await sql<{ lon: number; lat: number }>`
      SELECT ST_X(g) AS lon, ST_Y(g) AS lat FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(${x}::float8, ${y}::float8), 3006), 4326) AS g) AS t`.execute(state.db.kysely)
    return [rows[0]!.lon, rows[0]!.lat]
  }

  /** Signed-in staff of each role in each municipality, keyed `municipality:role`. */
  const agents = new Map<string, StaffAgent>()
  const get = (url: string, role: string = 'planner', municipality?: number) =>
    agents.get(`${municipality ?? state.municipalityId}:${role}`)!.inject({ url })

  async function dbscan(query: string): Promise<DbscanResult> {
    const res = await get(`/api/staff/hotspots?method=dbscan&${query}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json()
  }

  async function gistar(query: string): Promise<GiStarResult> {
    const res = await get(`/api/staff/hotspots?method=gistar&${query}`, 'planner', state.gridMunicipality)
    expect(res.statusCode, res.body).toBe(200)
    return res.json()
  }

  const cell = (r: GiStarResult, i: number, j: number) => r.features.find((f) => f.properties.i === 3800 + i && f.properties.j === 61850 + j)

  beforeAll(async () => {
    state.db = await openTestDb(engine)
    ;({ municipalityId: state.municipalityId, campaignId: state.continuous } = await seedTestMunicipality(state.db.kysely))
    state.walk2025 = await createCampaign(state.db.kysely, { municipalityId: state.municipalityId, kind: 'digital', name: 'Trygghetsvandring 2025', startsAt: new Date('2025-09-01T00:00:00+02:00'), endsAt: new Date('2025-10-01T00:00:00+02:00') })
    state.walk2026 = await createCampaign(state.db.kysely, { municipalityId: state.municipalityId, kind: 'digital', name: 'Trygghetsvandring 2026', startsAt: new Date('2026-09-01T00:00:00+02:00'), endsAt: new Date('2026-10-01T00:00:00+02:00') })

    const square = await sql<{ boundary: string }>`
      SELECT ST_AsGeoJSON(ST_Transform(ST_MakeEnvelope(${GX + 1}, ${GY + 1}, ${GX + 499}, ${GY + 499}, 3006), 4326), 9) AS boundary`.execute(state.db.kysely)
    state.gridMunicipality = await createMunicipality(state.db.kysely, { slug: 'rutnat', name: 'Rutnät', boundary: JSON.parse(square.rows[0]!.boundary) })
    const gridCampaign = await createCampaign(state.db.kysely, { municipalityId: state.gridMunicipality, kind: 'digital', name: 'Rutnät 2026', startsAt: new Date('2026-01-01'), endsAt: null })

    const a = [
      { category: 'lighting', severity: 2, mask: 4, agreements: 0 },
      { category: 'lighting', severity: 3, mask: 12, agreements: 2 },
      { category: 'lighting', severity: 4, mask: 8, agreements: 1 },
      { category: 'vandalism', severity: 5, mask: 1, agreements: 0 },
      { category: 'drugs', severity: 1, mask: 2, agreements: 3 },
    ]
    await insertPins([
      ...a.map((p, k) => ({ ...p, x: AX + 10 * k, y: AY, campaign: state.walk2026 })),
      // local date 21 September, UTC date 20 September
      ...[0, 12, 24].map((dx) => ({ x: BX + dx, y: BY, campaign: state.walk2026, category: 'speeding', severity: 5, mask: 8, at: '2026-09-21T00:30:00+02:00' })),
      { x: 381000, y: 6181000, campaign: state.walk2026, category: 'parking' },
      { x: 386000, y: 6190000, campaign: state.walk2026, category: 'parking' },
      { x: AX + 15, y: AY + 1, campaign: state.walk2026, moderation: 'hidden' },
      // the previous walk: two pins inside A's hull, one inside B's, one 50 m from B
      { x: AX + 5, y: AY + 2, campaign: state.walk2025, category: 'lighting' },
      { x: AX + 35, y: AY - 2, campaign: state.walk2025, category: 'vandalism' },
      { x: BX + 12, y: BY + 3, campaign: state.walk2025, category: 'speeding' },
      { x: BX, y: BY + 50, campaign: state.walk2025, category: 'speeding' },
      // the continuous campaign, inside A's hull
      { x: AX + 20, y: AY, campaign: state.continuous, category: 'lighting' },
    ])

    const centre = [[-20, -20], [20, -20], [0, 0], [-20, 20], [20, 20]]
    const grid: TestPin[] = centre.map(([dx, dy]) => ({ x: GX + 250 + dx!, y: GY + 250 + dy!, severity: 1, campaign: gridCampaign, municipality: state.gridMunicipality }))
    for (let i = 1; i <= 3; i++) {
      for (let j = 1; j <= 3; j++) {
        if (i === 2 && j === 2) continue
        for (const dx of [-10, 10]) grid.push({ x: GX + 100 * i + 50 + dx, y: GY + 100 * j + 50, severity: 4, campaign: gridCampaign, municipality: state.gridMunicipality })
      }
    }
    await insertPins(grid)

    state.app = await buildApp({ config: testConfig(), db: state.db })
    for (const m of [state.municipalityId, state.gridMunicipality]) {
      for (const role of ALL_ROLES) agents.set(`${m}:${role}`, await login(state.app, await createStaff(state.db.kysely, m, role)))
    }
  })
  afterAll(async () => {
    await state.app?.close()
    await state.db?.close()
  })

  return { state, get, dbscan, gistar, cell, lonLat }
}
