import type { Kysely } from 'kysely'
import { createAccount } from '../../apps/api/src/accounts/create-account.ts'
import type { Database } from '../../apps/api/src/db/schema.ts'
import { request } from './http.ts'

/** Creates a planner in the municipality and signs in through the API; returns the Cookie header. */
export async function plannerCookie(db: Kysely<Database>, municipalityId: number, baseUrl: string): Promise<string> {
  const email = 'planner@bench.trygg.test'
  const { password } = await createAccount(db, { municipalityId, email, role: 'planner', organisation: null, actor: null, at: new Date() })
  const res = await request(`${baseUrl}/api/auth/login`, { method: 'POST', body: { email, password }, headers: { origin: baseUrl } })
  const cookie = (res.headers['set-cookie'] ?? []).find((h) => /^(__Host-)?trygg_session=/.test(h))
  if (res.status !== 200 || !cookie) throw new Error(`login failed: ${res.status} ${res.body}`)
  return cookie.split(';')[0]!
}
