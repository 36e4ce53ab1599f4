import { expect } from 'vitest'
import { sql } from 'kysely'
import { TEST_BOUNDARY } from '../../test/fixtures.ts'
import { createsOwnRow, listsOwnRows, type Samples } from '../../test/access-samples.ts'

/** Numbers what the create samples make, so that each one is new. */
let seq = 0

/** The staff access samples of campaigns, categories and the boundary: see auth/staff-access.test.ts. */
export const administrationSamples: Samples = {
  'GET /api/staff/campaigns': {
    request: async () => ({}),
    isolated: listsOwnRows('campaign', (res) => res.json().campaigns.map((c: { id: number }) => c.id)),
  },
  'POST /api/staff/campaigns': {
    request: async () => ({ payload: { kind: 'digital', name: 'Vårvandring', startsAt: '2027-04-01T00:00:00Z', endsAt: '2027-04-30T00:00:00Z' } }),
    isolated: createsOwnRow('campaign'),
  },
  'PATCH /api/staff/campaigns/:id': {
    async request(ctx, t) {
      return { url: `/api/staff/campaigns/${await ctx.campaign(t)}`, payload: { name: 'Omdöpt' } }
    },
    async isolated(ctx, res, target) {
      expect(res.statusCode).toBe(404)
      const row = await ctx.db.kysely.selectFrom('campaign').select('name').where('id', '=', target.id!).executeTakeFirstOrThrow()
      expect(row.name).toBe('Kampanj')
    },
  },
  'GET /api/staff/categories': {
    request: async () => ({}),
    isolated: listsOwnRows('category', (res) => res.json().categories.map((c: { id: number }) => c.id)),
  },
  'POST /api/staff/categories': {
    request: async () => ({ payload: { key: `k${++seq}`, labelSv: 'Ny', labelEn: 'New', group: 'other' } }),
    isolated: createsOwnRow('category'),
  },
  'PATCH /api/staff/categories/:id': {
    async request(ctx, t) {
      return { url: `/api/staff/categories/${await ctx.category(t)}`, payload: { labelSv: 'Ändrad' } }
    },
    async isolated(ctx, res, target) {
      expect(res.statusCode).toBe(404)
      const row = await ctx.db.kysely.selectFrom('category').select('label_sv').where('id', '=', target.id!).executeTakeFirstOrThrow()
      expect(row.label_sv).toBe('Kategori')
    },
  },
  'PUT /api/staff/municipality/boundary': {
    // Only the caller's own boundary can be addressed; B's stays as it was.
    request: async () => ({ payload: TEST_BOUNDARY }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ m: number; same: boolean }>`
        SELECT municipality_id AS m, ST_Equals(boundary, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(TEST_BOUNDARY)}), 4326))) AS same
          FROM municipality WHERE municipality_id IN (${ctx.municipality.A}, ${ctx.municipality.B}) ORDER BY municipality_id`.execute(ctx.db.kysely)
      expect(rows.every((r) => r.same)).toBe(true)
      const audit = await ctx.db.kysely.selectFrom('audit_log').select('municipality_id').where('action', '=', 'municipality.boundary').execute()
      expect(new Set(audit.map((a) => a.municipality_id))).toEqual(new Set([ctx.municipality.A]))
    },
  },
}
