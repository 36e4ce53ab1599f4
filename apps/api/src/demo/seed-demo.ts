import fs from 'node:fs'
import path from 'node:path'
import { sql, type Kysely } from 'kysely'
import { DEFAULT_CATEGORIES, timesOfDayToMask } from '@trygg/domain'
import type { Feature, MultiPolygon } from 'geojson'
import type { Database } from '../db/schema.ts'
import { createCampaign, createMunicipality } from '../municipality/municipality.setup.ts'
import { rebuildCells } from '../pins/rebuild-cells.ts'
import { generateDemoPins } from './demo-pins.ts'

export const KAVLINGE_BOUNDARY_FILE = path.join(import.meta.dirname, 'kavlinge-boundary.geojson')

export function kavlingeBoundary(): Feature<MultiPolygon> {
  return JSON.parse(fs.readFileSync(KAVLINGE_BOUNDARY_FILE, 'utf8')) as Feature<MultiPolygon>
}

/** The demo's campaigns: two yearly digital walks and the continuous one in between. */
const CAMPAIGNS = [
  { kind: 'digital', name: 'Digital trygghetsvandring 2025', startsAt: '2025-09-15T00:00:00+02:00', endsAt: '2025-10-13T00:00:00+02:00', year: 2025 },
  { kind: 'digital', name: 'Digital trygghetsvandring 2026', startsAt: '2026-09-14T00:00:00+02:00', endsAt: '2026-10-12T00:00:00+02:00', year: 2026 },
  { kind: 'continuous', name: 'Löpande synpunkter', startsAt: '2025-01-01T00:00:00+01:00', endsAt: null, year: null },
] as const

export interface DemoSummary {
  municipalityId: number
  pins: number
}

/** True when no municipality exists yet: the first start of a new database. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('municipality').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n) === 0
}

/**
 * Creates Kävlinge with the default categories, the demo campaigns and `count` reproducible
 * demo pins (one INSERT, then the cluster aggregates in one statement per zoom).
 */
export async function seedDemo(db: Kysely<Database>, options: { seed?: number; count?: number } = {}): Promise<DemoSummary> {
  const boundary = kavlingeBoundary()
  const municipalityId = await createMunicipality(db, { slug: 'kavlinge', name: 'Kävlinge', boundary: boundary.geometry, defaultZoom: 12 })
  const campaignByYear = new Map<number, number>()
  for (const c of CAMPAIGNS) {
    const id = await createCampaign(db, {
      municipalityId,
      kind: c.kind,
      name: c.name,
      startsAt: new Date(c.startsAt),
      endsAt: c.endsAt ? new Date(c.endsAt) : null,
    })
    if (c.year) campaignByYear.set(c.year, id)
  }
  const pins = generateDemoPins({ seed: options.seed ?? 2026, count: options.count ?? 2000, boundary })
  const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', weekday: 'short' })
  const traffic = new Set(DEFAULT_CATEGORIES.filter((c) => c.group === 'traffic').map((c) => c.key))
  const rows = pins.map((p, i) => ({
    lon: p.lon,
    lat: p.lat,
    category: p.category,
    severity: p.severity,
    times: timesOfDayToMask(p.timesOfDay),
    comment: p.comment,
    campaign: campaignByYear.get(p.year) ?? null,
    created: p.createdAt.toISOString(),
    // "Vilka dagar?": traffic pins answer with the kind of day they were marked on; one in four leaves it unsaid.
    day: traffic.has(p.category) && i % 4 !== 0 ? (['Sat', 'Sun'].includes(weekday.format(p.createdAt)) ? 'weekend' : 'weekday') : null,
  }))
  // One INSERT with the per-pin cell trigger off, then the cells in one aggregate per zoom:
  // 21 statements instead of 21 upserts for each pin. The trigger is off only inside this
  // transaction (ALTER TABLE is transactional and locks the pin table until the commit).
  await db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE pin DISABLE TRIGGER pin_cells_insert`.execute(trx)
    await sql`
      INSERT INTO pin (municipality_id, campaign_id, category_id, geom, severity, times_of_day, day_type, comment, comment_state, source, created_at)
      SELECT ${municipalityId}, r.campaign, c.id, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), r.severity, r.times, r.day,
             r.comment, CASE WHEN r.comment IS NULL THEN 'none' ELSE 'approved' END, 'demo', r.created
        FROM json_to_recordset(${JSON.stringify(rows)}::json)
             AS r(lon float8, lat float8, category text, severity smallint, times smallint, comment text, campaign integer, created timestamptz, day text)
        JOIN category AS c ON c.municipality_id = ${municipalityId} AND c.key = r.category`.execute(trx)
    await rebuildCells(trx, municipalityId)
    await sql`ALTER TABLE pin ENABLE TRIGGER pin_cells_insert`.execute(trx)
  })
  return { municipalityId, pins: pins.length }
}
