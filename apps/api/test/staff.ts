import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import type { StaffRole } from '@trygg/domain'
import { createAccount } from '../src/accounts/create-account.ts'
import type { Database } from '../src/db/schema.ts'

/** The origin of `app.inject()` requests: http, Host `localhost:80`. */
export const INJECT_ORIGIN = 'http://localhost:80'

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private t = Date.parse('2026-03-02T08:00:00Z')) {}
  now = () => new Date(this.t)
  advance(ms: number) {
    this.t += ms
  }
}

export const MINUTE = 60_000

export interface TestStaff {
  id: number
  email: string
  password: string
  role: StaffRole
}

/** Creates a staff account in the municipality; the email defaults to `<role>@<slug>.test`. */
export async function createStaff(
  db: Kysely<Database>,
  municipalityId: number,
  role: StaffRole,
  options: { email?: string; organisation?: string } = {},
): Promise<TestStaff> {
  const email = options.email ?? `${role}-${municipalityId}@trygg.test`
  const organisation = options.organisation ?? (role === 'partner' ? 'Testbostäder' : null)
  const { account, password } = await createAccount(db, { municipalityId, email, role, organisation, actor: null, at: new Date('2026-01-01T00:00:00Z') })
  return { id: account.id, email, password, role }
}

/** A signed-in browser: its cookie and CSRF token, sent with every request it makes. */
export interface StaffAgent {
  cookie: string
  csrf: string
  inject(options: InjectOptions & { url: string }): Promise<LightMyRequestResponse>
}

/** The `name=value` of the response's session cookie, or null when it set none. */
export function sessionCookieOf(res: LightMyRequestResponse): { name: string; value: string; header: string } | null {
  const raw = res.headers['set-cookie']
  const headers = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]
  const header = headers.find((h) => /^(__Host-)?trygg_session=/.test(h))
  if (!header) return null
  const [pair = ''] = header.split(';')
  const eq = pair.indexOf('=')
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), header }
}

/** Signs in through the API; fails the test unless it succeeds. */
export async function login(app: FastifyInstance, staff: { email: string; password: string }, headers: Record<string, string> = {}): Promise<StaffAgent> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: INJECT_ORIGIN, ...headers }, payload: { email: staff.email, password: staff.password } })
  if (res.statusCode !== 200) throw new Error(`login of ${staff.email} failed: ${res.statusCode} ${res.body}`)
  const cookie = sessionCookieOf(res)!
  return agent(app, `${cookie.name}=${cookie.value}`, res.json().csrfToken)
}

/** An agent with this cookie and token: state-changing requests carry the token and the site's Origin. */
export function agent(app: FastifyInstance, cookie: string, csrf: string): StaffAgent {
  return {
    cookie,
    csrf,
    inject(options) {
      const method = (options.method ?? 'GET').toUpperCase()
      const changing = !['GET', 'HEAD', 'OPTIONS'].includes(method)
      return app.inject({
        ...options,
        headers: { cookie, ...(changing ? { 'x-csrf-token': csrf, origin: INJECT_ORIGIN } : {}), ...(options.headers as Record<string, string> | undefined) },
      })
    },
  }
}
