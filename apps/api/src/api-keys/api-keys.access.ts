import { expect } from 'vitest'
import { createsOwnRow, listsOwnRows, type Samples } from '../../test/access-samples.ts'

/** The staff access samples of Open311 API keys: see auth/staff-access.test.ts. */
export const apiKeysSamples: Samples = {
  'GET /api/staff/api-keys': {
    request: async (ctx) => {
      await ctx.apiKey('A')
      return {}
    },
    isolated: listsOwnRows('api_key', (res) => res.json().apiKeys.map((k: { id: number }) => k.id)),
  },
  'POST /api/staff/api-keys': {
    request: async () => ({ payload: { name: 'Fixa min gata' } }),
    isolated: createsOwnRow('api_key', (res) => res.json().apiKey.id),
  },
  'POST /api/staff/api-keys/:id/revoke': {
    async request(ctx, t) {
      return { url: `/api/staff/api-keys/${await ctx.apiKey(t)}/revoke`, payload: {} }
    },
    async isolated(ctx, res, target) {
      expect(res.statusCode).toBe(404)
      const row = await ctx.db.kysely.selectFrom('api_key').select('revoked_at').where('id', '=', target.id!).executeTakeFirstOrThrow()
      expect(row.revoked_at).toBeNull()
    },
  },
}
