import type { Kysely } from 'kysely'
import type { ModerationItem, ModerationState } from '@trygg/domain'
import { recordAudit } from '../audit/audit.queries.ts'
import type { Database } from '../db/schema.ts'
import { AppError, notFound } from '../errors/app-error.ts'
import { findComment, lockComment, setComment } from './comments.queries.ts'

export type CommentDecision = 'approve' | 'reject' | 'redact'

/** Which states each decision may start from, and the state it leads to. */
export const COMMENT_TRANSITIONS: Record<CommentDecision, { from: readonly ModerationState[]; to: ModerationState }> = {
  approve: { from: ['pending', 'rejected'], to: 'approved' },
  reject: { from: ['pending', 'approved'], to: 'rejected' },
  // Publishes the edited text in place of the resident's, whatever the state was.
  redact: { from: ['pending', 'approved', 'rejected'], to: 'approved' },
}

export interface DecideComment {
  municipalityId: number
  pinId: number
  decision: CommentDecision
  /** The edited text; redact only. */
  text?: string
  reason?: string | undefined
  actor: { id: number; email: string }
  at: Date
}

/**
 * Applies a moderator's decision to a pin's comment and records it in the audit log with the
 * text and state before and after, in one transaction. 404 when the pin has no comment (or is
 * another municipality's); 409 when the decision does not apply to the current state.
 */
export async function decideComment(db: Kysely<Database>, d: DecideComment): Promise<ModerationItem> {
  const transition = COMMENT_TRANSITIONS[d.decision]
  await db.transaction().execute(async (trx) => {
    const current = await lockComment(trx, d.municipalityId, d.pinId)
    if (!current) throw notFound('The comment', 'Kommentaren')
    const state = current.comment_state as ModerationState
    const text = d.decision === 'redact' ? d.text! : current.comment
    if (!transition.from.includes(state) || (state === transition.to && text === current.comment)) {
      throw new AppError(
        409,
        'CONFLICT',
        `The comment is ${state}; it cannot be given the decision "${d.decision}" now. Reload the queue.`,
        `Kommentaren har redan beslutet "${state}". Ladda om kön.`,
      )
    }
    await setComment(trx, d.municipalityId, d.pinId, { text, state: transition.to }, d.at)
    await recordAudit(trx, {
      municipalityId: d.municipalityId,
      at: d.at,
      actor: d.actor,
      action: `comment.${d.decision}`,
      entityType: 'pin_comment',
      entityId: d.pinId,
      before: { state, text: current.comment },
      after: { state: transition.to, text },
      reason: d.reason ?? null,
    })
  })
  return (await findComment(db, d.municipalityId, d.pinId))!
}
