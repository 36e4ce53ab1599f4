import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

export interface MunicipalityRow {
  municipality_id: number
  slug: string
  name: string
  time_zone: string
  metric_srid: number
  default_zoom: number
  settings: Record<string, unknown>
  boundary_geojson: string
  center_lon: number
  center_lat: number
}

/** One municipality with its boundary as GeoJSON and a centre inside it; by slug, or the first one. */
export async function findMunicipality(db: Kysely<Database>, slug: string | null): Promise<MunicipalityRow | undefined> {
  const { rows } = await sql<MunicipalityRow>`
    SELECT municipality_id, slug, name, time_zone, metric_srid, default_zoom, settings,
           ST_AsGeoJSON(boundary, 6) AS boundary_geojson,
           ST_X(ST_PointOnSurface(boundary)) AS center_lon,
           ST_Y(ST_PointOnSurface(boundary)) AS center_lat
      FROM municipality
     WHERE ${slug === null ? sql`true` : sql`slug = ${slug}`}
     ORDER BY municipality_id
     LIMIT 1`.execute(db)
  return rows[0]
}

export interface CategoryRow {
  id: number
  key: string
  label_sv: string
  label_en: string
  group_key: string
  sensitive: boolean
  active: boolean
}

export async function listCategories(db: Kysely<Database>, municipalityId: number): Promise<CategoryRow[]> {
  return db
    .selectFrom('category')
    .select(['id', 'key', 'label_sv', 'label_en', 'group_key', 'sensitive', 'active'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute()
}
