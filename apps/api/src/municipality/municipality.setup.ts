import { sql, type Kysely } from 'kysely'
import { DEFAULT_CATEGORIES } from '@trygg/domain'
import type { MultiPolygon, Polygon } from 'geojson'
import type { Database } from '../db/schema.ts'

export interface NewMunicipality {
  slug: string
  name: string
  /** WGS84 boundary; a Polygon is stored as a one-part MultiPolygon. */
  boundary: Polygon | MultiPolygon
  timeZone: string // IANA zone for dates shown and filtered
  metricSrid: number // projection for distances; 3006 (SWEREF 99 TM) in Sweden
  defaultZoom: number // initial map zoom
}

const defaults = {
  timeZone: 'Europe/Stockholm',
  metricSrid: 3006,
  defaultZoom: 12,
}

/** Creates a municipality with the default categories. Returns its id. */
export async function createMunicipality(
  db: Kysely<Database>,
  input: Pick<NewMunicipality, 'slug' | 'name' | 'boundary'> & Partial<NewMunicipality>,
): Promise<number> {
  const m = { ...defaults, ...input }
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ municipality_id: number }>`
      INSERT INTO municipality (slug, name, boundary, metric_srid, time_zone, default_zoom)
      VALUES (${m.slug}, ${m.name}, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(m.boundary)}), 4326)),
              ${m.metricSrid}, ${m.timeZone}, ${m.defaultZoom})
      RETURNING municipality_id`.execute(trx)
    const id = rows[0]!.municipality_id
    await trx
      .insertInto('category')
      .values(
        DEFAULT_CATEGORIES.map((c, i) => ({
          municipality_id: id,
          key: c.key,
          label_sv: c.labelSv,
          label_en: c.labelEn,
          group_key: c.group,
          sensitive: c.sensitive,
          active: true,
          sort_order: i,
        })),
      )
      .execute()
    return id
  })
}

/** Creates a campaign; `endsAt` null keeps it open. Returns its id. */
export async function createCampaign(
  db: Kysely<Database>,
  c: { municipalityId: number; kind: 'digital' | 'walk' | 'continuous'; name: string; startsAt: Date; endsAt: Date | null },
): Promise<number> {
  const row = await db
    .insertInto('campaign')
    .values({ municipality_id: c.municipalityId, kind: c.kind, name: c.name, starts_at: c.startsAt, ends_at: c.endsAt, route: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
