import type { Kysely } from 'kysely'
import type { ModerationItem, ModerationState } from '@trygg/domain'
import { recordAudit } from '../audit/audit.queries.ts'
import type { Database } from '../db/schema.ts'
import { AppError, notFound } from '../errors/app-error.ts'
import { findPhotoItem, lockPhoto, setPhotoState } from './photos.queries.ts'

export type PhotoDecision = 'approve' | 'reject'

/** Which states each decision may start from, and the state it leads to. */
export const PHOTO_TRANSITIONS: Record<PhotoDecision, { from: readonly ModerationState[]; to: ModerationState }> = {
  approve: { from: ['pending', 'rejected'], to: 'approved' },
  reject: { from: ['pending', 'approved'], to: 'rejected' },
}

export interface DecidePhoto {
  municipalityId: number
  pinId: number
  decision: PhotoDecision
  reason?: string | undefined
  actor: { id: number; email: string }
  at: Date
}

/**
 * Applies a moderator's decision to a pin's photo and records it in the audit log, in one
 * transaction. 404 when the pin has no photo (or is another municipality's); 409 when the
 * decision does not apply to the current state.
 */
export async function decidePhoto(db: Kysely<Database>, d: DecidePhoto): Promise<ModerationItem> {
  const transition = PHOTO_TRANSITIONS[d.decision]
  await db.transaction().execute(async (trx) => {
    const current = await lockPhoto(trx, d.municipalityId, d.pinId)
    if (!current) throw notFound('The photo', 'Bilden')
    if (!transition.from.includes(current.state)) {
      throw new AppError(
        409,
        'CONFLICT',
        `The photo is ${current.state}; it cannot be given the decision "${d.decision}" now. Reload the queue.`,
        `Bilden har redan beslutet "${current.state}". Ladda om kön.`,
      )
    }
    await setPhotoState(trx, d.municipalityId, d.pinId, transition.to, d.at)
    await recordAudit(trx, {
      municipalityId: d.municipalityId,
      at: d.at,
      actor: d.actor,
      action: `photo.${d.decision}`,
      entityType: 'pin_photo',
      entityId: d.pinId,
      before: { state: current.state },
      after: { state: transition.to },
      reason: d.reason ?? null,
    })
  })
  return (await findPhotoItem(db, d.municipalityId, d.pinId))!
}
