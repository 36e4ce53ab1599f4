import { expect } from 'vitest'
import { sql } from 'kysely'
import { listsOwnRows, type Samples, type Sample } from '../../test/access-samples.ts'

/** Each decision on B's comment answers 404 and leaves it pending. */
const decision = (verb: string, payload: object): Sample => ({
  async request(ctx, t) {
    const id = await ctx.pendingPin(t)
    return { url: `/api/staff/moderation/comments/${id}/${verb}`, payload }
  },
  async isolated(ctx, res, target) {
    expect(res.statusCode).toBe(404)
    const { rows } = await sql<{ s: string }>`SELECT comment_state AS s FROM pin WHERE id = ${target.id}`.execute(ctx.db.kysely)
    expect(rows[0]!.s).toBe('pending')
  },
})

/** Each decision on B's photo answers 404 and leaves it pending. */
const photoDecision = (verb: string, payload: object): Sample => ({
  async request(ctx, t) {
    const id = await ctx.pendingPhoto(t)
    return { url: `/api/staff/moderation/photos/${id}/${verb}`, payload }
  },
  async isolated(ctx, res, target) {
    expect(res.statusCode).toBe(404)
    const { rows } = await sql<{ s: string }>`SELECT state AS s FROM pin_photo WHERE pin_id = ${target.id}`.execute(ctx.db.kysely)
    expect(rows[0]!.s).toBe('pending')
  },
})

/** The staff access samples of the moderation queue and decisions on comments and photos: see auth/staff-access.test.ts. */
export const moderationSamples: Samples = {
  'GET /api/staff/moderation/queue': {
    request: async () => ({}),
    isolated: listsOwnRows('pin', (res) => res.json().items.map((i: { id: number }) => i.id)),
  },
  'POST /api/staff/moderation/comments/:pinId/approve': decision('approve', {}),
  'POST /api/staff/moderation/comments/:pinId/reject': decision('reject', { reason: 'Off topic' }),
  'POST /api/staff/moderation/comments/:pinId/redact': decision('redact', { text: 'Mörkt vid [namn]', reason: 'Namn' }),
  'POST /api/staff/moderation/photos/:pinId/approve': photoDecision('approve', {}),
  'POST /api/staff/moderation/photos/:pinId/reject': photoDecision('reject', { reason: 'Shows a face' }),
  'POST /api/staff/moderation/photos/:pinId/redact': photoDecision('redact', { reason: 'Face', blur: [{ x: 2, y: 2, width: 10, height: 10 }], approve: true }),
}
