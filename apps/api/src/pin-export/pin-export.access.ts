import { expect } from 'vitest'
import { sql } from 'kysely'
import { rowsOf, type Samples } from '../../test/access-samples.ts'

/** The staff access samples of the pin export: see auth/staff-access.test.ts. */
export const pinExportSamples: Samples = {
  'GET /api/staff/pins/export': {
    request: async () => ({ url: '/api/staff/pins/export?format=geojson' }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids: number[] = res.json().features.map((f: { id: number }) => f.id)
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin WHERE municipality_id = ${ctx.municipality.A} AND moderation = 'published'`.execute(ctx.db.kysely)
      expect(ids).toHaveLength(rows[0]!.n)
      expect(new Set(await rowsOf(ctx, 'pin', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
}
