import { sql, type Kysely } from 'kysely'
import { maskToTimesOfDay, type FollowedPin } from '@trygg/domain'
import { actionItemForPin } from '../actions/public-actions.queries.ts'
import { recordAudit } from '../audit/audit.queries.ts'
import type { Database } from '../db/schema.ts'
import { statusHistory } from './status-history.queries.ts'

interface FollowRow {
  id: number
  lat: number
  lon: number
  category: string
  severity: number
  times_of_day: number
  comment: string | null
  comment_state: FollowedPin['pin']['commentState']
  status: FollowedPin['pin']['status']
  agreement_count: number
  campaign_id: number | null
  created_at: Date
}

/** The pin behind a follow token's hash, with its history; undefined when there is none. */
export async function findFollowedPin(db: Kysely<Database>, municipalityId: number, tokenHash: Buffer): Promise<FollowedPin | undefined> {
  const { rows } = await sql<FollowRow>`
    SELECT p.id, ST_Y(p.geom) AS lat, ST_X(p.geom) AS lon, c.key AS category, p.severity, p.times_of_day,
           p.comment, p.comment_state, p.status, p.agreement_count, p.campaign_id, p.created_at
      FROM pin AS p
      JOIN category AS c ON c.municipality_id = p.municipality_id AND c.id = p.category_id
     WHERE p.municipality_id = ${municipalityId} AND p.follow_token_hash = ${tokenHash}`.execute(db)
  const r = rows[0]
  if (!r) return undefined
  return {
    pin: {
      id: r.id,
      lat: r.lat,
      lon: r.lon,
      category: r.category,
      severity: r.severity,
      timesOfDay: maskToTimesOfDay(r.times_of_day),
      comment: r.comment,
      commentState: r.comment_state,
      status: r.status,
      agreementCount: r.agreement_count,
      campaignId: r.campaign_id,
      createdAt: r.created_at.toISOString(),
    },
    history: await statusHistory(db, municipalityId, { id: r.id, createdAt: r.created_at }),
    actionItem: await actionItemForPin(db, municipalityId, r.id),
  }
}

/**
 * Deletes the pin behind a follow token, with its history and agreements, and notes in the
 * audit log that its author did (no personal data: the pin's id and category only).
 * Returns false when no pin has the token.
 */
export async function deleteFollowedPin(db: Kysely<Database>, municipalityId: number, tokenHash: Buffer, at: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('pin')
      .where('municipality_id', '=', municipalityId)
      .where('follow_token_hash', '=', tokenHash)
      .returning(['id', 'category_id', 'status'])
      .executeTakeFirst()
    if (!deleted) return false
    await recordAudit(trx, {
      municipalityId,
      at,
      actor: null,
      action: 'pin.delete_by_author',
      entityType: 'pin',
      entityId: deleted.id,
      before: { categoryId: deleted.category_id, status: deleted.status },
      after: null,
    })
    return true
  })
}
