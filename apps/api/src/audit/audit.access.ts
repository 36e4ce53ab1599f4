import { listsOwnRows, type Samples } from '../../test/access-samples.ts'

/** The staff access samples of the audit log: see auth/staff-access.test.ts. */
export const auditSamples: Samples = {
  'GET /api/staff/audit': {
    request: async () => ({}),
    isolated: listsOwnRows('audit_log', (res) => res.json().entries.map((e: { id: number }) => e.id)),
  },
}
