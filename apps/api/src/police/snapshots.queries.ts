import { sql, type Kysely, type Transaction } from 'kysely'
import type { Control, Snapshot, SnapshotArea, SnapshotDiff, SnapshotSummary } from '@trygg/domain'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database> | Transaction<Database>

export interface NewSnapshotRow {
  municipalityId: number
  name: string
  takenAt: Date
  createdBy: number
  previousId: number | null
  parameters: Snapshot['parameters']
  areas: SnapshotArea[]
  controls: Control[]
  diff: SnapshotDiff
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

export async function insertSnapshot(db: Db, s: NewSnapshotRow): Promise<number> {
  const row = await db
    .insertInto('police_snapshot')
    .values({
      municipality_id: s.municipalityId,
      name: s.name,
      taken_at: s.takenAt,
      created_by: s.createdBy,
      previous_id: s.previousId,
      parameters: JSON.stringify(s.parameters),
      areas: JSON.stringify(s.areas),
      controls: JSON.stringify(s.controls),
      diff: JSON.stringify(s.diff),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

/** The most recent snapshot's id and areas, or undefined when there is none. */
export async function latestSnapshotAreas(db: Db, municipalityId: number): Promise<{ id: number; areas: SnapshotArea[] } | undefined> {
  const row = await db
    .selectFrom('police_snapshot')
    .select(['id', 'areas'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('taken_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? { id: Number(row.id), areas: json<SnapshotArea[]>(row.areas) } : undefined
}

interface HeadRow {
  id: number
  name: string
  taken_at: Date
  created_by: string | null
  area_count: number
  control_count: number
  diff: unknown
}

const head = (municipalityId: number) => sql`
  SELECT s.id, s.name, s.taken_at, a.email AS created_by, jsonb_array_length(s.areas)::integer AS area_count,
         jsonb_array_length(s.controls)::integer AS control_count, s.diff
    FROM police_snapshot AS s
    LEFT JOIN staff_account AS a ON a.municipality_id = s.municipality_id AND a.id = s.created_by
   WHERE s.municipality_id = ${municipalityId}`

const toSummary = (r: HeadRow): SnapshotSummary => ({
  id: r.id,
  name: r.name,
  takenAt: r.taken_at.toISOString(),
  createdBy: r.created_by,
  areaCount: r.area_count,
  controlCount: r.control_count,
  diff: json<SnapshotDiff>(r.diff),
})

/** Every snapshot of the municipality, newest first, without its areas and controls. */
export async function listSnapshots(db: Db, municipalityId: number): Promise<SnapshotSummary[]> {
  const { rows } = await sql<HeadRow>`${head(municipalityId)} ORDER BY s.taken_at DESC, s.id DESC`.execute(db)
  return rows.map(toSummary)
}

export async function findSnapshot(db: Db, municipalityId: number, id: number): Promise<Snapshot | undefined> {
  const { rows } = await sql<HeadRow & { parameters: unknown; areas: unknown; controls: unknown }>`
    SELECT h.*, s.parameters, s.areas, s.controls
      FROM (${head(municipalityId)} AND s.id = ${id}) AS h
      JOIN police_snapshot AS s ON s.municipality_id = ${municipalityId} AND s.id = h.id`.execute(db)
  const r = rows[0]
  if (!r) return undefined
  return {
    ...toSummary(r),
    parameters: json<Snapshot['parameters']>(r.parameters),
    areas: json<SnapshotArea[]>(r.areas),
    controls: json<Control[]>(r.controls),
  }
}
