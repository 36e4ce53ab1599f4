import { expect } from 'vitest'
import { rowsOf, type Samples } from '../../test/access-samples.ts'

/** The staff access samples of Open311 API keys: see auth/staff-access.test.ts. */
export const apiKeysSamples: Samples = {
  'GET /api/staff/api-keys': {
    request: async (ctx) => {
      await ctx.apiKey('A')
      return {}
    },
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids = res.json().apiKeys.map((k: { id: number }) => k.id)
      expect(ids.length).toBeGreaterThan(0)
      expect(new Set(await rowsOf(ctx, 'api_key', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'POST /api/staff/api-keys': {
    request: async () => ({ payload: { name: 'Fixa min gata' } }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(201)
      expect(await rowsOf(ctx, 'api_key', [res.json().apiKey.id])).toEqual([ctx.municipality.A])
    },
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
