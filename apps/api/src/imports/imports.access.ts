import { expect } from 'vitest'
import { sql } from 'kysely'
import { INSIDE } from '../../test/fixtures.ts'
import { type Samples } from '../../test/access-samples.ts'
import { createImport } from './imports.queries.ts'

/** The staff access samples of imports: see auth/staff-access.test.ts. */
export const importsSamples: Samples = {
  'POST /api/staff/imports': {
    request: async (ctx, t) => ({ payload: { fileName: 'vandring.csv', totalRows: 1, campaign: await ctx.campaign(t) } }),
    async isolated(ctx, res) {
      // B's campaign is unknown in A: refused, and no import joins it.
      expect([res.statusCode, res.json().fields?.[0]?.field]).toEqual([400, 'campaign'])
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM pin_import AS i JOIN campaign AS c ON c.id = i.campaign_id
         WHERE i.municipality_id = ${ctx.municipality.A} AND c.municipality_id = ${ctx.municipality.B}`.execute(ctx.db.kysely)
      expect(rows[0]!.n).toBe(0)
    },
  },
  'POST /api/staff/imports/:id/rows': {
    async request(ctx, t) {
      const id = await createImport(ctx.db.kysely, { municipalityId: ctx.municipality[t], fileName: 'vandring.csv', totalRows: 1, campaignId: null, byDate: false, createdBy: null, at: new Date() })
      return { url: `/api/staff/imports/${id}/rows`, payload: { firstRow: 1, rows: [{ lat: String(INSIDE.lat), lon: String(INSIDE.lon), category: 'lighting', date: '2024-09-01' }] } }
    },
    async isolated(ctx, res, target) {
      expect(res.statusCode).toBe(404)
      const run = await ctx.db.kysely.selectFrom('pin_import').select(['rows_received', 'added']).where('id', '=', target.id!).executeTakeFirstOrThrow()
      expect(run).toEqual({ rows_received: 0, added: 0 })
    },
  },
}
