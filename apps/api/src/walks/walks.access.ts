import { expect } from 'vitest'
import { createsOwnRow, listsOwnRows, type Samples, type SampleContext, type Tenant } from '../../test/access-samples.ts'
import { insertWalk } from './walks.queries.ts'

/** A walk in May 2027 inside the test boundary. */
const WALK = {
  name: 'Kvällsvandring',
  startsAt: '2027-05-01T17:00:00Z',
  endsAt: '2027-05-01T19:00:00Z',
  route: { type: 'LineString' as const, coordinates: [[13.09, 55.79], [13.1, 55.8]] },
  meetingPoint: { type: 'Point' as const, coordinates: [13.09, 55.79] },
}

/** A new physical walk of the municipality. */
const plannedWalk = (ctx: SampleContext, t: Tenant) => insertWalk(ctx.db.kysely, ctx.municipality[t], WALK)

/** The staff access samples of physical walks: see auth/staff-access.test.ts. */
export const walksSamples: Samples = {
  'GET /api/staff/walks': {
    request: async (ctx, t) => {
      await plannedWalk(ctx, 'A')
      await plannedWalk(ctx, t)
      return {}
    },
    isolated: listsOwnRows('campaign', (res) => res.json().walks.map((w: { id: number }) => w.id)),
  },
  'POST /api/staff/walks': {
    request: async () => ({ payload: WALK }),
    isolated: createsOwnRow('campaign'),
  },
  'GET /api/staff/walks/:id/protocol': {
    async request(ctx, t) {
      return { url: `/api/staff/walks/${await plannedWalk(ctx, t)}/protocol` }
    },
    async isolated(_ctx, res) {
      expect(res.statusCode).toBe(404)
    },
  },
}
