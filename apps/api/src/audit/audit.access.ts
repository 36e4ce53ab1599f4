import { expect } from 'vitest'
import { rowsOf, type Samples } from '../../test/access-samples.ts'

/** The staff access samples of the audit log: see auth/staff-access.test.ts. */
export const auditSamples: Samples = {
  'GET /api/staff/audit': {
    request: async () => ({}),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids = res.json().entries.map((e: { id: number }) => e.id)
      expect(ids.length).toBeGreaterThan(0)
      expect(new Set(await rowsOf(ctx, 'audit_log', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
}
