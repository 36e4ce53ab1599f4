import { expect } from 'vitest'
import { sql } from 'kysely'
import { listsOwnRows, type Samples, type Sample } from '../../test/access-samples.ts'

/** Reading or changing B's action item answers 404 and changes nothing of it. */
const onActionItem = (method: 'GET' | 'PATCH', payload?: object): Sample => ({
  async request(ctx, t) {
    const id = await ctx.actionItem(t)
    return { url: `/api/staff/actions/${id}`, ...(payload ? { payload } : {}) }
  },
  async isolated(ctx, res, target) {
    expect([method, res.statusCode]).toEqual([method, 404])
    const row = await ctx.db.kysely.selectFrom('action_item').selectAll().where('id', '=', target.id!).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'proposed', municipality_id: ctx.municipality.B })
    expect(row.updated_at.getTime()).toBe(row.created_at.getTime())
  },
})

/** The staff access samples of the action plan: see auth/staff-access.test.ts. */
export const actionsSamples: Samples = {
  'GET /api/staff/actions/options': {
    request: async () => ({}),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ key: string }>`SELECT key FROM action_focus_area WHERE municipality_id = ${ctx.municipality.A} ORDER BY sort_order`.execute(ctx.db.kysely)
      expect(res.json().focusAreas.map((f: { key: string }) => f.key)).toEqual(rows.map((r) => r.key))
      expect(res.json().partnerOrganisations).toEqual(['Testbostäder'])
    },
  },
  'PUT /api/staff/actions/options': {
    request: async () => ({
      payload: {
        focusAreas: [
          { key: 'public_space', labelSv: 'Trygghet i offentlig miljö', labelEn: 'Safety in public space', active: true },
          { key: 'traffic', labelSv: 'Trafik', labelEn: 'Traffic', active: true },
          { key: 'youth', labelSv: 'Unga', labelEn: 'Young people', active: true },
        ],
      },
    }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ m: number }>`SELECT municipality_id AS m FROM action_focus_area WHERE key = 'youth'`.execute(ctx.db.kysely)
      expect(rows.map((r) => r.m)).toEqual([ctx.municipality.A])
    },
  },
  'GET /api/staff/actions': {
    request: async (ctx, t) => {
      await ctx.actionItem(t)
      return {}
    },
    isolated: listsOwnRows('action_item', (res) => res.json().items.map((i: { id: number }) => i.id)),
  },
  'GET /api/staff/actions/export.csv': {
    request: async (ctx, t) => {
      await ctx.actionItem(t)
      return {}
    },
    isolated: listsOwnRows('action_item', (res) => res.body.split('\r\n').slice(1, -1).map((line) => Number(line.split(',')[0]))),
  },
  'GET /api/staff/actions/export.geojson': {
    request: async (ctx, t) => {
      const id = await ctx.actionItem(t)
      await sql`UPDATE action_item SET area = ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(13.1, 55.8), 4326), 0.001)), area_source = 'drawn' WHERE id = ${id}`.execute(ctx.db.kysely)
      return {}
    },
    isolated: listsOwnRows('action_item', (res) => res.json().features.map((f: { id: number }) => f.id)),
  },
  'POST /api/staff/actions': {
    request: async (ctx, t) => ({ payload: { title: 'Ny belysning', focusArea: 'public_space', organisation: 'municipality', pinIds: [await ctx.pendingPin(t)] } }),
    async isolated(ctx, res) {
      // B's pin is unknown in A: refused, and nothing is created.
      expect(res.statusCode).toBe(400)
      expect(res.json().fields[0].field).toBe('pinIds')
    },
  },
  'GET /api/staff/actions/:id': onActionItem('GET'),
  'PATCH /api/staff/actions/:id': onActionItem('PATCH', { status: 'planned' }),
}
