import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { maskToTimesOfDay, timesOfDayToMask, type NewPin, type PublicPin } from '@trygg/domain'
import type { Database } from '../db/schema.ts'

/** A new follow token: 128 random bits, base64url. Only its SHA-256 is stored. */
export function newFollowToken(): { token: string; hash: Buffer } {
  const token = crypto.randomBytes(16).toString('base64url')
  return { token, hash: hashFollowToken(token) }
}

export const hashFollowToken = (token: string) => crypto.createHash('sha256').update(token).digest()

export interface InsertPin {
  municipalityId: number
  categoryId: number
  /** The pin's campaign; `'active'` picks the one running at `createdAt` in the same statement (see activeCampaign). */
  campaignId: number | null | 'active'
  pin: NewPin
  source: 'web' | 'walk' | 'open311' | 'import' | 'demo'
  followTokenHash: Buffer | null
  createdAt?: Date
}

/**
 * Inserts a pin if its point lies inside the municipality's boundary, in one statement; with
 * `campaignId: 'active'` it joins the running campaign, and only when there is one.
 * Returns the new id, or undefined when the point is outside (or no campaign runs).
 */
export async function insertPinInsideBoundary(db: Kysely<Database>, p: InsertPin): Promise<number | undefined> {
  const comment = p.pin.comment?.trim() ? p.pin.comment : null
  const at = p.createdAt ?? new Date()
  // The same choice as activeCampaign(), without a round trip of its own.
  const campaign = p.campaignId !== 'active' ? sql`${p.campaignId}::integer` : sql`(
      SELECT c.id FROM campaign AS c
       WHERE c.municipality_id = m.municipality_id AND c.kind IN ('digital', 'continuous')
         AND c.starts_at <= ${at} AND (c.ends_at IS NULL OR c.ends_at > ${at})
       ORDER BY CASE WHEN c.kind = 'digital' THEN 0 ELSE 1 END, c.starts_at DESC
       LIMIT 1)`
  const { rows } = await sql<{ id: number }>`
    INSERT INTO pin (municipality_id, campaign_id, category_id, geom, severity, times_of_day, day_type,
                     comment, comment_state, source, follow_token_hash, created_at)
    SELECT m.municipality_id, ${campaign}, ${p.categoryId}, pt.geom, ${p.pin.severity},
           ${timesOfDayToMask(p.pin.timesOfDay)}, ${p.pin.dayType ?? null}, ${comment}, ${comment === null ? 'none' : 'pending'},
           ${p.source}, ${p.followTokenHash}, ${at}
      FROM municipality AS m,
           LATERAL (SELECT ST_SetSRID(ST_MakePoint(${p.pin.lon}::float8, ${p.pin.lat}::float8), 4326) AS geom) AS pt
     WHERE m.municipality_id = ${p.municipalityId}
       AND ST_Covers(m.boundary, pt.geom)
       ${p.campaignId === 'active' ? sql`AND ${campaign} IS NOT NULL` : sql``}
    RETURNING id`.execute(db)
  return rows[0]?.id
}

interface PublicPinRow {
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
}

/** The public view of a published pin; a comment and a photo are shown only once approved. */
export async function findPublicPin(db: Kysely<Database>, municipalityId: number, id: number): Promise<PublicPin | undefined> {
  const { rows } = await sql<PublicPinRow>`
    SELECT p.id, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat, c.key AS category, p.severity, p.times_of_day,
           p.comment, p.comment_state, p.status, p.campaign_id, p.created_at, p.agreement_count,
           EXISTS (SELECT 1 FROM pin_photo AS ph
                    WHERE ph.municipality_id = p.municipality_id AND ph.pin_id = p.id AND ph.state = 'approved') AS photo_approved
      FROM pin AS p
      JOIN category AS c ON c.municipality_id = p.municipality_id AND c.id = p.category_id
     WHERE p.municipality_id = ${municipalityId} AND p.id = ${id} AND p.moderation = 'published'
       AND NOT c.sensitive`.execute(db)
  const r = rows[0]
  if (!r) return undefined
  return {
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
  }
}
