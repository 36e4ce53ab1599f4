import { expect } from 'vitest'
import { sql } from 'kysely'
import { INSIDE } from '../../test/fixtures.ts'
import { createsOwnRow, listsOwnRows, rowsOf, type Samples, type Sample } from '../../test/access-samples.ts'

/** A speed check inside the test boundary: the body of the control samples and of `ctx.control`. */
export const CONTROL = { kind: 'speed_check', place: { type: 'Point', coordinates: [INSIDE.lon, INSIDE.lat] }, date: '2026-02-20', startTime: '07:00', endTime: '08:00', vehiclesChecked: 20, violations: 2 } as const

/** Acting on B's control answers 404 and leaves it as it was. */
const onControl = (suffix: string, payload?: object): Sample => ({
  async request(ctx, t) {
    const id = await ctx.control(t)
    return { url: `/api/police/controls/${id}${suffix}`, ...(payload ? { payload } : {}) }
  },
  async isolated(ctx, res, target) {
    expect(res.statusCode).toBe(404)
    const row = await ctx.db.kysely.selectFrom('police_control').selectAll().where('id', '=', target.id!).executeTakeFirstOrThrow()
    expect([row.violations, row.updated_at.getTime()]).toEqual([2, row.created_at.getTime()])
  },
})

/** Reading B's snapshot answers 404. */
const onSnapshot = (suffix: string): Sample => ({
  async request(ctx, t) {
    return { url: `/api/police/snapshots/${await ctx.snapshot(t)}${suffix}` }
  },
  async isolated(_ctx, res) {
    expect(res.statusCode).toBe(404)
  },
})

/** The staff access samples of the police workspace: see auth/staff-access.test.ts. */
export const policeSamples: Samples = {
  'GET /api/police/areas': {
    async request(ctx, t) {
      await ctx.trafficPins('A')
      if (t === 'B') await ctx.trafficPins('B')
      return {}
    },
    isolated: listsOwnRows('pin', (res) => res.json().features.flatMap((f: { properties: { pinIds: number[] } }) => f.properties.pinIds)),
  },
  'GET /api/police/controls': {
    async request(ctx, t) {
      await ctx.control('A')
      await ctx.control(t)
      return {}
    },
    isolated: listsOwnRows('police_control', (res) => res.json().controls.map((c: { id: number }) => c.id)),
  },
  'POST /api/police/controls': {
    request: async () => ({ payload: CONTROL }),
    isolated: createsOwnRow('police_control'),
  },
  'PATCH /api/police/controls/:id': onControl('', { violations: 5 }),
  'DELETE /api/police/controls/:id': onControl(''),
  'GET /api/police/controls/:id/effect': onControl('/effect'),
  'GET /api/police/actions/:id/effect': {
    async request(ctx, t) {
      const id = await ctx.actionItem(t)
      const area = sql`ST_Multi(ST_MakeEnvelope(13.09::float8, 55.79::float8, 13.11::float8, 55.81::float8, 4326))`
      await sql`UPDATE action_item SET status = 'done', completed_at = now(), area = ${area}, area_source = 'drawn' WHERE id = ${id}`.execute(ctx.db.kysely)
      return { url: `/api/police/actions/${id}/effect` }
    },
    async isolated(_ctx, res) {
      expect(res.statusCode).toBe(404)
    },
  },
  'GET /api/police/snapshots': {
    async request(ctx, t) {
      await ctx.snapshot('A')
      await ctx.snapshot(t)
      return {}
    },
    isolated: listsOwnRows('police_snapshot', (res) => res.json().snapshots.map((s: { id: number }) => s.id)),
  },
  'POST /api/police/snapshots': {
    request: async () => ({ payload: { name: 'Lägesbild' } }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(201)
      expect(await rowsOf(ctx, 'police_snapshot', [res.json().id])).toEqual([ctx.municipality.A])
      const ids: number[] = res.json().controls.map((c: { id: number }) => c.id)
      expect(new Set(await rowsOf(ctx, 'police_control', ids))).toEqual(new Set(ids.length ? [ctx.municipality.A] : []))
    },
  },
  'GET /api/police/snapshots/:id': onSnapshot(''),
  'GET /api/police/snapshots/:id/export.geojson': onSnapshot('/export.geojson'),
  'GET /api/police/snapshots/:id/export.csv': onSnapshot('/export.csv'),
}
