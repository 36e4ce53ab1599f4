import { expect } from 'vitest'
import { sql } from 'kysely'
import { type Samples } from '../../test/access-samples.ts'

/** The staff access samples of the background questions: see auth/staff-access.test.ts. */
export const backgroundSamples: Samples = {
  'PUT /api/staff/settings/background-questions': {
    request: async () => ({ payload: { enabled: true } }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ m: number; on: boolean | null }>`
        SELECT municipality_id AS m, (settings->>'backgroundQuestions')::boolean AS on FROM municipality`.execute(ctx.db.kysely)
      expect(rows.find((r) => r.m === ctx.municipality.B)!.on).not.toBe(true)
    },
  },
  'GET /api/staff/statistics/background': {
    request: async () => ({ url: '/api/staff/statistics/background?by=gender' }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      // B's municipality has six answers from men; none of them may show for A's staff.
      expect(res.json().groups).toEqual([])
    },
  },
}
