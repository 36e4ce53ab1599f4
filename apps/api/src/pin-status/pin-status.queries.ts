import type { Kysely } from 'kysely'
import type { PinStatus, PinStatusChanged } from '@trygg/domain'
import { recordAudit } from '../audit/audit.queries.ts'
import type { Database } from '../db/schema.ts'
import { AppError, notFound } from '../errors/app-error.ts'
import { statusHistory } from '../follow/status-history.queries.ts'

export interface SetStatus {
  municipalityId: number
  pinId: number
  status: PinStatus
  reason: string | null
  actor: { id: number; email: string }
  at: Date
}

/**
 * Sets a pin's status as a planner decides it: updates `pin.status`, appends a
 * `pin_status_event` (what the follow page shows) and records the change in the audit log, in
 * one transaction. 404 for a pin of another municipality; 409 when the status is already that.
 */
export async function setPinStatus(db: Kysely<Database>, s: SetStatus): Promise<PinStatusChanged> {
  return db.transaction().execute(async (trx) => {
    const pin = await trx
      .selectFrom('pin')
      .select(['id', 'status', 'created_at'])
      .where('municipality_id', '=', s.municipalityId)
      .where('id', '=', s.pinId)
      .forUpdate()
      .executeTakeFirst()
    if (!pin) throw notFound('The pin', 'Markeringen')
    if (pin.status === s.status) {
      throw new AppError(409, 'CONFLICT', `The pin's status is already ${s.status}.`, `Markeringen har redan den statusen.`, [
        { field: 'status', message: 'is the current status' },
      ])
    }
    await trx.updateTable('pin').set({ status: s.status, updated_at: s.at }).where('municipality_id', '=', s.municipalityId).where('id', '=', s.pinId).execute()
    await trx
      .insertInto('pin_status_event')
      .values({ municipality_id: s.municipalityId, pin_id: s.pinId, status: s.status, reason: s.reason, action_item_id: null, created_at: s.at })
      .execute()
    await recordAudit(trx, {
      municipalityId: s.municipalityId,
      at: s.at,
      actor: s.actor,
      action: 'pin.status',
      entityType: 'pin',
      entityId: s.pinId,
      before: { status: pin.status },
      after: { status: s.status },
      reason: s.reason,
    })
    return { id: s.pinId, status: s.status, history: await statusHistory(trx, s.municipalityId, { id: pin.id, createdAt: pin.created_at }) }
  })
}
