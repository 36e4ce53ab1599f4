import { sql, type Kysely, type Transaction } from 'kysely'
import type { Control, ControlKind, ControlPlace, PolygonGeometry } from '@trygg/domain'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/** A control as stored, the linked area's hull included. */
export interface ControlValues {
  kind: ControlKind
  place: ControlPlace
  date: string
  startTime: string
  endTime: string
  vehiclesChecked: number
  violations: number
  notes: string | null
  area: { id: string; geometry: PolygonGeometry } | null
  actionItemId: number | null
}

interface ControlRow {
  id: number
  kind: ControlKind
  place: string
  date: string
  start_time: string
  end_time: string
  vehicles_checked: number
  violations: number
  notes: string | null
  area_key: string | null
  area: string | null
  action_item_id: number | null
  created_by: string | null
  created_at: Date
  updated_at: Date
}

const geomOf = (g: object) => sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(g)}), 4326)`

const selectControls = (municipalityId: number) => sql`
  SELECT c.id, c.kind, ST_AsGeoJSON(c.geom, 7) AS place, c.control_date::text AS date,
         to_char(c.start_time, 'HH24:MI') AS start_time, to_char(c.end_time, 'HH24:MI') AS end_time,
         c.vehicles_checked, c.violations, c.notes, c.area_key, ST_AsGeoJSON(c.area_geom, 7) AS area,
         c.action_item_id, s.email AS created_by, c.created_at, c.updated_at
    FROM police_control AS c
    LEFT JOIN staff_account AS s ON s.municipality_id = c.municipality_id AND s.id = c.created_by
   WHERE c.municipality_id = ${municipalityId}`

function toControl(r: ControlRow): Control {
  return {
    id: r.id,
    kind: r.kind,
    place: JSON.parse(r.place),
    date: r.date,
    startTime: r.start_time,
    endTime: r.end_time,
    vehiclesChecked: r.vehicles_checked,
    violations: r.violations,
    notes: r.notes,
    area: r.area_key && r.area ? { id: r.area_key, geometry: JSON.parse(r.area) } : null,
    actionItemId: r.action_item_id,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }
}

/** Controls of the municipality dated within [from, to] (either may be null), newest first. */
export async function listControls(db: Db, municipalityId: number, q: { from: string | null; to: string | null; areaId?: string | null }): Promise<Control[]> {
  const { rows } = await sql<ControlRow>`${selectControls(municipalityId)}
     ${q.from ? sql`AND c.control_date >= ${q.from}::date` : sql``}
     ${q.to ? sql`AND c.control_date <= ${q.to}::date` : sql``}
     ${q.areaId ? sql`AND c.area_key = ${q.areaId}` : sql``}
   ORDER BY c.control_date DESC, c.start_time DESC, c.id DESC`.execute(db)
  return rows.map(toControl)
}

export async function findControl(db: Db, municipalityId: number, id: number): Promise<Control | undefined> {
  const { rows } = await sql<ControlRow>`${selectControls(municipalityId)} AND c.id = ${id}`.execute(db)
  return rows[0] ? toControl(rows[0]) : undefined
}

export async function insertControl(db: Db, municipalityId: number, v: ControlValues, by: number, at: Date): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO police_control (municipality_id, kind, geom, control_date, start_time, end_time, vehicles_checked, violations,
                                notes, area_key, area_geom, action_item_id, created_by, created_at, updated_at)
    VALUES (${municipalityId}, ${v.kind}, ${geomOf(v.place)}, ${v.date}::date, ${v.startTime}::time, ${v.endTime}::time,
            ${v.vehiclesChecked}, ${v.violations}, ${v.notes}, ${v.area?.id ?? null}, ${v.area ? geomOf(v.area.geometry) : null},
            ${v.actionItemId}, ${by}, ${at}, ${at})
    RETURNING id`.execute(db)
  return rows[0]!.id
}

export async function updateControl(db: Db, municipalityId: number, id: number, v: ControlValues, at: Date): Promise<void> {
  await sql`
    UPDATE police_control
       SET kind = ${v.kind}, geom = ${geomOf(v.place)}, control_date = ${v.date}::date, start_time = ${v.startTime}::time,
           end_time = ${v.endTime}::time, vehicles_checked = ${v.vehiclesChecked}, violations = ${v.violations}, notes = ${v.notes},
           area_key = ${v.area?.id ?? null}, area_geom = ${v.area ? geomOf(v.area.geometry) : null}, action_item_id = ${v.actionItemId},
           updated_at = ${at}
     WHERE municipality_id = ${municipalityId} AND id = ${id}`.execute(db)
}

export async function deleteControl(db: Db, municipalityId: number, id: number): Promise<boolean> {
  const res = await db.deleteFrom('police_control').where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst()
  return Number(res.numDeletedRows) > 0
}

/** Whether the place is inside the municipality's boundary (a road segment: all of it). */
export async function placeInside(db: Db, municipalityId: number, place: ControlPlace): Promise<boolean> {
  const { rows } = await sql<{ inside: boolean }>`
    SELECT ST_Covers(boundary, ${geomOf(place)}) AS inside FROM municipality WHERE municipality_id = ${municipalityId}`.execute(db)
  return rows[0]?.inside === true
}
