import { sql } from 'kysely'
import pg from 'pg'
import type { Polygon } from 'geojson'
import { openDatabase, type Db } from '../../apps/api/src/db/database.ts'
import { migrate } from '../../apps/api/src/db/migrate.ts'
import { createCampaign, createMunicipality } from '../../apps/api/src/municipality/municipality.setup.ts'
import { rebuildCells } from '../../apps/api/src/pins/rebuild-cells.ts'
import { lonLatToMercator } from '@trygg/geo'
import { pinStream, SWEDEN_BBOX, type BenchPin } from './generate-pins.ts'

/** The PostgreSQL server benchmarks run against: BENCH_DATABASE_URL, else DATABASE_URL, else local. */
export function serverUrl(): string {
  return process.env.BENCH_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres'
}

/** The URL of another database on the same server. */
export function databaseUrl(base: string, name: string): string {
  const url = new URL(base)
  url.pathname = `/${name}`
  return url.toString()
}

/** A fresh database of its own for one benchmark run; `drop()` removes it. */
export interface BenchDatabase {
  name: string
  url: string
  drop(): Promise<void>
}

export async function createBenchDatabase(bench: string): Promise<BenchDatabase> {
  const base = serverUrl()
  const name = `trygg_bench_${bench}_${process.pid}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`)
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  return {
    name,
    url: databaseUrl(base, name),
    async drop() {
      const c = new pg.Client({ connectionString: base })
      await c.connect()
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await c.end()
      }
    },
  }
}

/** The benchmark municipality: a Sweden-sized rectangle with the default categories. */
export const BENCH_SLUG = 'sverige'

export interface LoadedData {
  municipalityId: number
  /** Category ids in DEFAULT_CATEGORIES order. */
  categoryIds: number[]
  /** The national survey campaign holding `campaignPins` of the pins. */
  surveyCampaignId: number
  surveyPins: number
  pins: number
}

const BATCH = 20_000
const DAY_MS = 86_400_000

/**
 * Migrates `db`, creates the benchmark municipality with a continuous campaign and a national
 * survey campaign, and bulk loads `count` generated pins: the row triggers are switched off
 * during the load (Web Mercator metres come from packages/geo, the formula the trigger's
 * ST_Transform computes) and `pin_cell` is then built in one aggregate per zoom with the
 * trigger's own arithmetic, as an import of historic data would; then the triggers are back on.
 */
export async function loadBenchData(db: Db, options: { count: number; seed?: number; surveyPins?: number }): Promise<LoadedData> {
  await migrate(db)
  const [minLon, minLat, maxLon, maxLat] = SWEDEN_BBOX
  const boundary: Polygon = {
    type: 'Polygon',
    coordinates: [[[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]]],
  }
  const k = db.kysely
  const municipalityId = await createMunicipality(k, { slug: BENCH_SLUG, name: 'Sverige', boundary, defaultZoom: 5 })
  const categoryIds = (await k.selectFrom('category').select('id').where('municipality_id', '=', municipalityId).orderBy('sort_order').execute()).map((r) => r.id)
  const now = Date.now()
  const continuous = await createCampaign(k, { municipalityId, kind: 'continuous', name: 'Löpande', startsAt: new Date(now - 800 * DAY_MS), endsAt: null })
  const surveyCampaignId = await createCampaign(k, {
    municipalityId,
    kind: 'walk',
    name: 'Nationell trygghetsundersökning',
    startsAt: new Date(now - 400 * DAY_MS),
    endsAt: new Date(now - 370 * DAY_MS),
  })
  const surveyPins = Math.min(options.surveyPins ?? 10_000, Math.floor(options.count / 2))
  const every = Math.max(1, Math.floor(options.count / Math.max(1, surveyPins)))

  await db.script('ALTER TABLE pin DISABLE TRIGGER pin_cells_insert; ALTER TABLE pin DISABLE TRIGGER pin_mercator;')
  let batch: object[] = []
  let i = 0
  let survey = 0
  const flush = async () => {
    if (!batch.length) return
    await sql`
      INSERT INTO pin (municipality_id, campaign_id, category_id, geom, mx, my, severity, times_of_day, source, created_at, updated_at)
      SELECT ${municipalityId}, t.k, t.c, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326), t.mx, t.my, t.s, t.t, 'import', t.a, t.a
        FROM json_to_recordset(${JSON.stringify(batch)}::json)
          AS t(lon float8, lat float8, mx float8, my float8, c integer, s smallint, t smallint, k integer, a timestamptz)`.execute(k)
    batch = []
  }
  for (const p of pinStream({ seed: options.seed ?? 2026, count: options.count })) {
    const inSurvey = survey < surveyPins && i % every === 0
    if (inSurvey) survey++
    batch.push(row(p, categoryIds, inSurvey ? surveyCampaignId : continuous, inSurvey ? now - 385 * DAY_MS : now - ((i * 7919) % 730) * DAY_MS))
    i++
    if (batch.length >= BATCH) await flush()
  }
  await flush()
  await rebuildCells(db.kysely, municipalityId)
  await db.script('ALTER TABLE pin ENABLE TRIGGER pin_cells_insert; ALTER TABLE pin ENABLE TRIGGER pin_mercator; ANALYZE pin; ANALYZE pin_cell;')
  return { municipalityId, categoryIds, surveyCampaignId, surveyPins: survey, pins: i }
}

function row(p: BenchPin, categoryIds: number[], campaign: number, createdMs: number) {
  const [mx, my] = lonLatToMercator([p.lon, p.lat])
  return { lon: p.lon, lat: p.lat, mx, my, c: categoryIds[p.category], s: p.severity, t: p.times, k: campaign, a: new Date(createdMs).toISOString() }
}

/** A PostgreSQL database of its own, loaded with `count` pins. */
export async function loadedPostgres(bench: string, count: number): Promise<{ bench: BenchDatabase; db: Db; data: LoadedData }> {
  const bench_ = await createBenchDatabase(bench)
  const db = await openDatabase({ databaseUrl: bench_.url, dataDir: 'memory://' })
  try {
    const data = await loadBenchData(db, { count })
    return { bench: bench_, db, data }
  } catch (error) {
    await db.close()
    await bench_.drop()
    throw error
  }
}
