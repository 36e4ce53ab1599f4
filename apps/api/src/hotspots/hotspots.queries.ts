import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { pinWhere, type PinFilter } from './pin-filter.ts'

export interface StudyArea {
  municipalityId: number
  name: string
  metricSrid: number
  timeZone: string
  /** Bounding box of the boundary in the metric SRID. */
  bbox: { xmin: number; ymin: number; xmax: number; ymax: number }
}

/** The municipality's analysis frame: metric SRID, time zone and the boundary's metric bbox. */
export async function findStudyArea(db: Kysely<Database>, municipalityId: number): Promise<StudyArea | undefined> {
  const { rows } = await sql<{ name: string; metric_srid: number; time_zone: string; xmin: number; ymin: number; xmax: number; ymax: number }>`
    SELECT name, metric_srid, time_zone, ST_XMin(b) AS xmin, ST_YMin(b) AS ymin, ST_XMax(b) AS xmax, ST_YMax(b) AS ymax
      FROM (SELECT name, metric_srid, time_zone, ST_Transform(boundary, metric_srid) AS b
              FROM municipality WHERE municipality_id = ${municipalityId}) AS m`.execute(db)
  const r = rows[0]
  if (!r) return undefined
  return {
    municipalityId,
    name: r.name,
    metricSrid: r.metric_srid,
    timeZone: r.time_zone,
    bbox: { xmin: r.xmin, ymin: r.ymin, xmax: r.xmax, ymax: r.ymax },
  }
}

export interface CampaignRow {
  id: number
  kind: 'digital' | 'walk' | 'continuous'
  name: string
  starts_at: Date
  ends_at: Date | null
}

/** Every campaign of the municipality, newest start first. */
export async function listCampaigns(db: Kysely<Database>, municipalityId: number): Promise<CampaignRow[]> {
  return db
    .selectFrom('campaign')
    .select(['id', 'kind', 'name', 'starts_at', 'ends_at'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

/** `[lon, lat, weight]` of every pin of the filter; weight 1, or the severity. */
export async function heatPoints(db: Kysely<Database>, filter: PinFilter, bySeverity: boolean): Promise<[number, number, number][]> {
  const { rows } = await sql<{ lon: number; lat: number; w: number }>`
    SELECT round(ST_X(p.geom)::numeric, 6)::float8 AS lon, round(ST_Y(p.geom)::numeric, 6)::float8 AS lat,
           ${bySeverity ? sql`p.severity` : sql`1`}::integer AS w
      FROM pin AS p
     WHERE ${pinWhere('p', filter)}
     ORDER BY p.id`.execute(db)
  return rows.map((r) => [r.lon, r.lat, r.w])
}
