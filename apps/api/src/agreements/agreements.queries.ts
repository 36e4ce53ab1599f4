import { sql, type Kysely } from 'kysely'
import { maskToTimesOfDay, type NearbyPin } from '@trygg/domain'
import type { Database } from '../db/schema.ts'

export interface NearbySearch {
  municipalityId: number
  lat: number
  lon: number
  /** metres, measured in the municipality's metric projection */
  radius: number
  /** only this category when set */
  categoryId: number | null
  /** at most this many pins, nearest first */
  limit: number
}

interface NearbyRow {
  id: number
  lat: number
  lon: number
  category: string
  severity: number
  times_of_day: number
  agreement_count: number
  distance: number
  created_at: Date
}

/**
 * Published pins of non-sensitive categories within `radius` metres of a point, nearest first.
 * Sensitive categories are never listed: that would place them exactly. The bounding box in
 * the metric projection lets the spatial index on `pin.geom` pick the candidates.
 */
export async function findNearbyPins(db: Kysely<Database>, s: NearbySearch): Promise<NearbyPin[]> {
  const { rows } = await sql<NearbyRow>`
    WITH here AS (
      SELECT m.metric_srid AS srid,
             ST_Transform(ST_SetSRID(ST_MakePoint(${s.lon}::float8, ${s.lat}::float8), 4326), m.metric_srid) AS pt
        FROM municipality AS m WHERE m.municipality_id = ${s.municipalityId}
    )
    SELECT p.id, ST_Y(p.geom) AS lat, ST_X(p.geom) AS lon, c.key AS category, p.severity, p.times_of_day,
           p.agreement_count, ST_Distance(ST_Transform(p.geom, here.srid), here.pt) AS distance, p.created_at
      FROM here, pin AS p
      JOIN category AS c ON c.municipality_id = p.municipality_id AND c.id = p.category_id
     WHERE p.municipality_id = ${s.municipalityId}
       AND p.moderation = 'published' AND NOT c.sensitive
       AND (${s.categoryId}::integer IS NULL OR p.category_id = ${s.categoryId}::integer)
       AND p.geom && ST_Transform(ST_Expand(here.pt, ${s.radius}::float8), 4326)
       AND ST_DWithin(ST_Transform(p.geom, here.srid), here.pt, ${s.radius}::float8)
     ORDER BY distance, p.id
     LIMIT ${s.limit}`.execute(db)
  return rows.map((r) => ({
    id: r.id,
    lat: r.lat,
    lon: r.lon,
    category: r.category,
    severity: r.severity,
    timesOfDay: maskToTimesOfDay(r.times_of_day),
    agreementCount: r.agreement_count,
    distance: Math.round(r.distance),
    createdAt: r.created_at.toISOString(),
  }))
}

export type AgreeOutcome = { kind: 'not_found' } | { kind: 'counted' | 'already'; agreementCount: number }

/**
 * Records that a device agrees with a published, non-sensitive pin and raises its count, in one
 * transaction; a second agreement of the same device changes nothing.
 */
export async function agreeWithPin(
  db: Kysely<Database>,
  a: { municipalityId: number; pinId: number; deviceHash: Buffer; at: Date },
): Promise<AgreeOutcome> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ agreement_count: number }>`
      SELECT p.agreement_count FROM pin AS p
        JOIN category AS c ON c.municipality_id = p.municipality_id AND c.id = p.category_id
       WHERE p.municipality_id = ${a.municipalityId} AND p.id = ${a.pinId}
         AND p.moderation = 'published' AND NOT c.sensitive
         FOR UPDATE OF p`.execute(trx)
    const pin = rows[0]
    if (!pin) return { kind: 'not_found' }
    const inserted = await trx
      .insertInto('pin_agreement')
      .values({ municipality_id: a.municipalityId, pin_id: a.pinId, device_hash: a.deviceHash, created_at: a.at })
      .onConflict((oc) => oc.doNothing())
      .returning('pin_id')
      .executeTakeFirst()
    if (!inserted) return { kind: 'already', agreementCount: pin.agreement_count }
    const updated = await trx
      .updateTable('pin')
      .set((eb) => ({ agreement_count: eb('agreement_count', '+', 1) }))
      .where('municipality_id', '=', a.municipalityId)
      .where('id', '=', a.pinId)
      .returning('agreement_count')
      .executeTakeFirstOrThrow()
    return { kind: 'counted', agreementCount: updated.agreement_count }
  })
}
