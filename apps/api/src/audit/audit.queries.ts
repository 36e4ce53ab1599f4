import type { Kysely, Transaction } from 'kysely'
import type { AuditEntry } from '@trygg/domain'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/** One change to record. `before`/`after` are the subject's relevant fields, JSON-serialisable. */
export interface AuditRecord {
  municipalityId: number
  at: Date
  /** The staff member who acted; null for the system or an operator command. */
  actor: { id: number; email: string } | null
  /** `<subject>.<verb>`, e.g. `comment.approve`, `action_item.update`, `account.disable`. */
  action: string
  /** What was changed, e.g. `pin_comment`, `action_item`, `staff_account`. */
  entityType: string
  entityId: string | number
  before?: unknown
  after?: unknown
  reason?: string | null
}

/**
 * Records a change in the audit log. Call it in the same transaction as the change, so the
 * change and its record are kept or lost together.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await approve(trx, …)
 *   await recordAudit(trx, { municipalityId, at: app.now(), actor: request.staff, action: 'comment.approve',
 *                            entityType: 'pin_comment', entityId: pinId, before, after })
 * })
 */
export async function recordAudit(trx: Db, r: AuditRecord): Promise<number> {
  const row = await trx
    .insertInto('audit_log')
    .values({
      municipality_id: r.municipalityId,
      at: r.at,
      actor_id: r.actor?.id ?? null,
      actor_email: r.actor?.email ?? null,
      action: r.action,
      entity_type: r.entityType,
      entity_id: String(r.entityId),
      before: r.before === undefined ? null : JSON.stringify(r.before),
      after: r.after === undefined ? null : JSON.stringify(r.after),
      reason: r.reason ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export interface AuditFilter {
  entityType?: string | undefined
  entityId?: string | undefined
  beforeId?: number | undefined
  limit: number
}

/** The municipality's audit entries, newest first. */
export async function listAudit(db: Db, municipalityId: number, f: AuditFilter): Promise<AuditEntry[]> {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('id', 'desc')
    .limit(f.limit)
  if (f.entityType) query = query.where('entity_type', '=', f.entityType)
  if (f.entityId) query = query.where('entity_id', '=', f.entityId)
  if (f.beforeId) query = query.where('id', '<', f.beforeId)
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor_email === null ? null : { id: r.actor_id, email: r.actor_email },
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before ?? null,
    after: r.after ?? null,
    reason: r.reason,
  }))
}
