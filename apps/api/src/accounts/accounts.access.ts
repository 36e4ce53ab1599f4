import { expect } from 'vitest'
import { createsOwnRow, rowsOf, type Samples, type Sample } from '../../test/access-samples.ts'

/** Acting on B's account answers 404 and changes nothing of it. */
const onAccount = (suffix: string, payload: object): Sample => ({
  async request(ctx, t) {
    const id = await ctx.account(t)
    return { url: `/api/staff/accounts/${id}${suffix}`, payload }
  },
  async isolated(ctx, res, target) {
    expect(res.statusCode).toBe(404)
    const row = await ctx.db.kysely.selectFrom('staff_account').selectAll().where('id', '=', target.id!).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ role: 'police', disabled_at: null })
    expect(row.updated_at.getTime()).toBe(row.created_at.getTime())
  },
})

/** Numbers what the create samples make, so that each one is new. */
let seq = 0

/** The staff access samples of staff accounts: see auth/staff-access.test.ts. */
export const accountsSamples: Samples = {
  'GET /api/staff/accounts': {
    request: async () => ({}),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids = res.json().accounts.map((a: { id: number }) => a.id)
      expect(new Set(await rowsOf(ctx, 'staff_account', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'POST /api/staff/accounts': {
    request: async () => ({ payload: { email: `new-${++seq}@trygg.test`, role: 'planner' } }),
    isolated: createsOwnRow('staff_account', (res) => res.json().account.id),
  },
  'PATCH /api/staff/accounts/:id': onAccount('', { role: 'planner', disabled: true }),
  'POST /api/staff/accounts/:id/password': onAccount('/password', {}),
}
