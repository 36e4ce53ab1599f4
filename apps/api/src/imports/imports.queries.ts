import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Database, PinImportTable } from '../db/schema.ts'
import type { CheckedRow } from './import-row.ts'

type Db = Kysely<Database> | Transaction<Database>
export type ImportRun = Selectable<PinImportTable>

export async function createImport(
  db: Db,
  r: { municipalityId: number; fileName: string; totalRows: number; campaignId: number | null; byDate: boolean; createdBy: number | null; at: Date },
): Promise<number> {
  const row = await db
    .insertInto('pin_import')
    .values({
      municipality_id: r.municipalityId,
      file_name: r.fileName,
      total_rows: r.totalRows,
      campaign_id: r.campaignId,
      campaign_by_date: r.byDate,
      created_by: r.createdBy,
      created_at: r.at,
      updated_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The import `id` of the municipality, locked for the batch that adds to it. */
export async function lockImport(db: Db, municipalityId: number, id: number): Promise<ImportRun | undefined> {
  return db.selectFrom('pin_import').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).forUpdate().executeTakeFirst()
}

export interface PlacedRow {
  row: number
  inside: boolean
  future: boolean
  /** created_at as ISO 8601 UTC. */
  at: string
  /** Hour of the day in the municipality's time zone. */
  hour: number
}

/**
 * Where and when each row lies for the municipality: inside its boundary or not, its instant
 * (a date without an offset is local time in the municipality's zone), and whether that is after `now`.
 */
export async function placeRows(db: Db, municipalityId: number, rows: readonly CheckedRow[], now: Date): Promise<PlacedRow[]> {
  if (!rows.length) return []
  const input = rows.map((r) => ({ row: r.row, lon: r.lon, lat: r.lat, date: r.date, offset: r.hasOffset }))
  const { rows: out } = await sql<{ row: number; inside: boolean; at: Date; hour: number }>`
    SELECT r.row, ST_Covers(m.boundary, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)) AS inside, t.at,
           extract(hour FROM t.at AT TIME ZONE m.time_zone)::int AS hour
      FROM municipality AS m,
           json_to_recordset(${JSON.stringify(input)}::json) AS r("row" integer, lon float8, lat float8, date text, "offset" boolean),
           LATERAL (SELECT CASE WHEN r."offset" THEN r.date::timestamptz ELSE r.date::timestamp AT TIME ZONE m.time_zone END AS at) AS t
     WHERE m.municipality_id = ${municipalityId}
     ORDER BY r.row`.execute(db)
  return out.map((r) => ({ row: r.row, inside: r.inside, future: r.at.getTime() > now.getTime(), at: r.at.toISOString(), hour: r.hour }))
}

export interface ImportPin {
  key: string
  categoryId: number
  lon: number
  lat: number
  at: string
  severity: number
  mask: number
  comment: string | null
}

/**
 * Inserts the pins whose key the municipality has not seen, in one statement; the pin_cell
 * triggers keep the map's cluster aggregates exact. Returns how many were new.
 */
export async function insertImportedPins(db: Db, run: ImportRun, pins: readonly ImportPin[]): Promise<number> {
  if (!pins.length) return 0
  const campaign = run.campaign_by_date
    ? sql`(SELECT c.id FROM campaign AS c
            WHERE c.municipality_id = ${run.municipality_id} AND c.starts_at <= r.at AND (c.ends_at IS NULL OR c.ends_at > r.at)
            ORDER BY CASE c.kind WHEN 'digital' THEN 0 WHEN 'walk' THEN 1 ELSE 2 END, c.starts_at DESC, c.id DESC
            LIMIT 1)`
    : sql`${run.campaign_id}::integer`
  const { rows } = await sql<{ id: number }>`
    INSERT INTO pin (municipality_id, campaign_id, category_id, geom, severity, times_of_day, comment, comment_state, source, import_key, created_at, updated_at)
    SELECT ${run.municipality_id}, ${campaign}, r."categoryId", ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), r.severity, r.mask,
           r.comment, CASE WHEN r.comment IS NULL THEN 'none' ELSE 'pending' END, 'import', r.key, r.at, r.at
      FROM json_to_recordset(${JSON.stringify(pins)}::json)
           AS r(key text, "categoryId" integer, lon float8, lat float8, at timestamptz, severity smallint, mask smallint, comment text)
    ON CONFLICT (municipality_id, import_key) DO NOTHING
    RETURNING id`.execute(db)
  return rows.length
}

/** Adds a batch's counts to the import's totals and returns them. */
export async function addToTotals(
  db: Db,
  run: ImportRun,
  batch: { lastRow: number; added: number; duplicates: number; rejected: number; at: Date },
): Promise<ImportRun> {
  return db
    .updateTable('pin_import')
    .set((eb) => ({
      rows_received: sql<number>`greatest(${eb.ref('rows_received')}, ${batch.lastRow})`,
      added: eb('added', '+', batch.added),
      duplicates: eb('duplicates', '+', batch.duplicates),
      rejected: eb('rejected', '+', batch.rejected),
      updated_at: batch.at,
    }))
    .where('municipality_id', '=', run.municipality_id)
    .where('id', '=', run.id)
    .returningAll()
    .executeTakeFirstOrThrow()
}
