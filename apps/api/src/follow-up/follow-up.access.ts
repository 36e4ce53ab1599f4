import { expect } from 'vitest'
import { sql } from 'kysely'
import { type Samples } from '../../test/access-samples.ts'

/** The staff access samples of the yearly follow-up: see auth/staff-access.test.ts. */
export const followUpSamples: Samples = {
  'GET /api/staff/follow-up': {
    request: async (ctx, t) => {
      await ctx.actionItem(t)
      return { url: '/api/staff/follow-up?year=2026' }
    },
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM action_item WHERE municipality_id = ${ctx.municipality.A}`.execute(ctx.db.kysely)
      const counted = res.json().actionPlan.byFocusArea.reduce((n: number, f: { counts: Record<string, number> }) => n + Object.values(f.counts).reduce((a, b) => a + b, 0), 0)
      expect(counted).toBe(rows[0]!.n)
    },
  },
  'PUT /api/staff/indicators/:year': {
    request: async () => ({ url: '/api/staff/indicators/2024', payload: { feelSafeShare: 70, reportedCrimes: 900 } }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ m: number }>`SELECT municipality_id AS m FROM yearly_indicator WHERE year = 2024`.execute(ctx.db.kysely)
      expect(rows.map((r) => r.m)).toEqual([ctx.municipality.A])
    },
  },
}
