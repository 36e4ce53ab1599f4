import type { Kysely, Transaction } from 'kysely'
import type { StatusEvent } from '@trygg/domain'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/**
 * A pin's status history, oldest first: `received` at the pin's creation, then every
 * `pin_status_event` (written by planners and by action items).
 */
export async function statusHistory(db: Db, municipalityId: number, pin: { id: number; createdAt: Date }): Promise<StatusEvent[]> {
  const events = await db
    .selectFrom('pin_status_event')
    .select(['status', 'reason', 'created_at'])
    .where('municipality_id', '=', municipalityId)
    .where('pin_id', '=', pin.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return [
    { status: 'received', at: pin.createdAt.toISOString(), reason: null },
    ...events.map((e) => ({ status: e.status, at: e.created_at.toISOString(), reason: e.reason })),
  ]
}
