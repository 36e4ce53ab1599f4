import { expect } from 'vitest'
import { sql } from 'kysely'
import { listsOwnRows, type Samples } from '../../test/access-samples.ts'

/** The staff access samples of the hotspot map: see auth/staff-access.test.ts. */
export const hotspotsSamples: Samples = {
  'GET /api/staff/hotspots': {
    request: async () => ({ url: '/api/staff/hotspots?method=dbscan&eps=50&minPoints=2' }),
    isolated: listsOwnRows('pin', (res) => res.json().features.flatMap((f: { properties: { pins: { id: number }[] } }) => f.properties.pins.map((p) => p.id))),
  },
  'GET /api/staff/hotspots/heat': {
    request: async () => ({}),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin WHERE municipality_id = ${ctx.municipality.A} AND moderation = 'published'`.execute(ctx.db.kysely)
      expect(res.json().pinCount).toBe(rows[0]!.n)
      expect(res.json().points).toHaveLength(rows[0]!.n)
    },
  },
  'GET /api/staff/hotspots/options': {
    request: async () => ({}),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ name: string }>`SELECT name FROM campaign WHERE municipality_id = ${ctx.municipality.A} ORDER BY id`.execute(ctx.db.kysely)
      expect(res.json().campaigns.map((c: { name: string }) => c.name).sort()).toEqual(rows.map((r) => r.name).sort())
    },
  },
}
