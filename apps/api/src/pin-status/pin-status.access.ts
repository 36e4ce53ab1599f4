import { expect } from 'vitest'
import { sql } from 'kysely'
import { type Samples } from '../../test/access-samples.ts'

/** The staff access samples of pin statuses: see auth/staff-access.test.ts. */
export const pinStatusSamples: Samples = {
  'POST /api/staff/pins/:id/status': {
    async request(ctx, t) {
      return { url: `/api/staff/pins/${await ctx.pendingPin(t)}/status`, payload: { status: 'reviewed' } }
    },
    async isolated(ctx, res, target) {
      expect(res.statusCode).toBe(404)
      const { rows } = await sql<{ s: string; n: number }>`
        SELECT p.status AS s, (SELECT count(*)::int FROM pin_status_event AS e WHERE e.pin_id = p.id) AS n FROM pin AS p WHERE p.id = ${target.id}`.execute(ctx.db.kysely)
      expect(rows[0]).toEqual({ s: 'received', n: 0 })
    },
  },
}
