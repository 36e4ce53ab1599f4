import { expect } from 'vitest'
import { sql } from 'kysely'
import { type Samples } from '../../test/access-samples.ts'

/** The staff access samples of statistics: see auth/staff-access.test.ts. */
export const statisticsSamples: Samples = {
  'GET /api/staff/statistics': {
    request: async (ctx, t) => {
      await ctx.pendingPin(t)
      return { url: `/api/staff/statistics` }
    },
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ name: string }>`SELECT name FROM campaign WHERE municipality_id = ${ctx.municipality.A} ORDER BY starts_at DESC LIMIT 1`.execute(ctx.db.kysely)
      expect(res.json().campaign.name).toBe(rows[0]!.name)
      const { rows: pins } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin WHERE municipality_id = ${ctx.municipality.A} AND moderation = 'published'`.execute(ctx.db.kysely)
      const total = res.json().years.reduce((n: number, y: { byCategory: Record<string, number> }) => n + Object.values(y.byCategory).reduce((a, b) => a + b, 0), 0)
      expect(total).toBe(pins[0]!.n)
    },
  },
}
