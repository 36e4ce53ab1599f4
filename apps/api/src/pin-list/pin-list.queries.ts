import { sql, type Kysely } from 'kysely'
import { maskToTimesOfDay, type PublicPin } from '@trygg/domain'
import type { Database } from '../db/schema.ts'

interface Row {
  id: number
  lon: number
  lat: number
  category: string
  severity: number
  times_of_day: number
  comment: string | null
  comment_state: string
  status: PublicPin['status']
  campaign_id: number | null
  created_at: Date
  agreement_count: number
  photo_approved: boolean
  total: number
}

/**
 * Published pins of non-sensitive categories inside a bbox, newest first, one page of them and
 * how many there are in all. Uses the spatial index on pin.geom.
 */
export async function listPinsInBbox(
  db: Kysely<Database>,
  municipalityId: number,
  q: { bbox: readonly [number, number, number, number]; limit: number; offset: number },
): Promise<{ items: PublicPin[]; total: number }> {
  const [minLon, minLat, maxLon, maxLat] = q.bbox
  const { rows } = await sql<Row>`
    SELECT p.id, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat, c.key AS category, p.severity, p.times_of_day,
           p.comment, p.comment_state, p.status, p.campaign_id, p.created_at, p.agreement_count,
           EXISTS (SELECT 1 FROM pin_photo AS ph
                    WHERE ph.municipality_id = p.municipality_id AND ph.pin_id = p.id AND ph.state = 'approved') AS photo_approved,
           count(*) OVER ()::int AS total
      FROM pin AS p
      JOIN category AS c ON c.municipality_id = p.municipality_id AND c.id = p.category_id
     WHERE p.municipality_id = ${municipalityId} AND p.moderation = 'published' AND NOT c.sensitive
       AND p.geom && ST_MakeEnvelope(${minLon}::float8, ${minLat}::float8, ${maxLon}::float8, ${maxLat}::float8, 4326)
     ORDER BY p.created_at DESC, p.id DESC
     LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db)
  let total = rows[0]?.total
  if (total === undefined) {
    // An offset past the end: count on its own.
    const count = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pin AS p JOIN category AS c ON c.municipality_id = p.municipality_id AND c.id = p.category_id
       WHERE p.municipality_id = ${municipalityId} AND p.moderation = 'published' AND NOT c.sensitive
         AND p.geom && ST_MakeEnvelope(${minLon}::float8, ${minLat}::float8, ${maxLon}::float8, ${maxLat}::float8, 4326)`.execute(db)
    total = count.rows[0]?.n ?? 0
  }
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      lat: r.lat,
      lon: r.lon,
      category: r.category,
      severity: r.severity,
      timesOfDay: maskToTimesOfDay(r.times_of_day),
      comment: r.comment_state === 'approved' ? r.comment : null,
      status: r.status,
      campaignId: r.campaign_id,
      createdAt: r.created_at.toISOString(),
      agreementCount: r.agreement_count,
      photoUrl: r.photo_approved ? `/api/pins/${r.id}/photo` : null,
    })),
  }
}
