import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { INJECT_ORIGIN, MINUTE, TestClock, agent, createStaff, login, sessionCookieOf, type StaffAgent, type TestStaff } from '../../test/staff.ts'

describe.each(ENGINES)('staff sessions on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  const clock = new TestClock()
  let moderator: TestStaff
  let admin: TestStaff

  beforeAll(async () => {
    db = await openTestDb(engine)
    const { municipalityId } = await seedTestMunicipality(db.kysely)
    app = await buildApp({ config: testConfig(), db, clock: clock.now })
    moderator = await createStaff(db.kysely, municipalityId, 'moderator')
    admin = await createStaff(db.kysely, municipalityId, 'admin')
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  const session = (a: StaffAgent) => a.inject({ url: '/api/auth/session' })
  const queue = (a: StaffAgent) => a.inject({ url: '/api/staff/moderation/queue' })
  const sessionRows = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM staff_session`.execute(db.kysely)).rows[0]!.n)

  /** A pin with a pending comment; returns its id. */
  async function pendingPin(): Promise<number> {
    const res = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...INSIDE, category: 'lighting', severity: 3, timesOfDay: ['night'], comment: 'Mörkt här' } })
    return res.json().id
  }
  const commentState = async (id: number) =>
    (await sql<{ s: string }>`SELECT comment_state AS s FROM pin WHERE id = ${id}`.execute(db.kysely)).rows[0]!.s

  it('answers 401 without a session, and with a cookie that is not one', async () => {
    expect((await app.inject('/api/auth/session')).json()).toMatchObject({ statusCode: 401, code: 'NOT_AUTHENTICATED' })
    expect((await app.inject({ url: '/api/staff/moderation/queue', headers: { cookie: 'trygg_session=abc' } })).statusCode).toBe(401)
    const forged = agent(app, `trygg_session=${'A'.repeat(43)}`, 'x')
    expect((await queue(forged)).statusCode).toBe(401)
  })

  it('describes the session: who, the CSRF token and when it ends', async () => {
    const a = await login(app, moderator)
    const body = (await session(a)).json()
    expect(body).toEqual({
      staff: { id: moderator.id, email: moderator.email, role: 'moderator', organisation: null, municipality: { slug: 'testkommun', name: 'Testkommun' } },
      csrfToken: a.csrf,
      expiresAt: new Date(clock.now().getTime() + 12 * 60 * MINUTE).toISOString(),
      idleExpiresAt: new Date(clock.now().getTime() + 30 * MINUTE).toISOString(),
    })
    expect(a.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('sets HttpOnly, SameSite=Strict, Path=/ and no Secure on plain http to localhost', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: INJECT_ORIGIN }, payload: { email: moderator.email, password: moderator.password } })
    const cookie = sessionCookieOf(res)!
    expect(cookie.name).toBe('trygg_session')
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const flags = cookie.header.split(';').slice(1).map((f) => f.trim().toLowerCase())
    expect(flags.sort()).toEqual(['httponly', 'path=/', 'samesite=strict'])
  })

  it('sets a Secure __Host- cookie for any other host, and as configured', async () => {
    const host = 'trygg.example.se'
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { host, origin: `http://${host}` }, payload: { email: moderator.email, password: moderator.password } })
    const cookie = sessionCookieOf(res)!
    expect(cookie.name).toBe('__Host-trygg_session')
    expect(cookie.header).toMatch(/; Secure/)
    expect(cookie.header).toMatch(/; HttpOnly/)
    expect(cookie.header).toMatch(/; SameSite=Strict/)
    expect(cookie.header).not.toMatch(/Domain=/i)
    // The plain-http name is not read on such a host, so a planted cookie of that name does nothing.
    expect((await app.inject({ url: '/api/auth/session', headers: { host, cookie: `trygg_session=${cookie.value}` } })).statusCode).toBe(401)
    expect((await app.inject({ url: '/api/auth/session', headers: { host, cookie: `${cookie.name}=${cookie.value}` } })).statusCode).toBe(200)

    const config = testConfig()
    for (const [cookieSecure, secure] of [[true, true], [false, false]] as const) {
      const other = await buildApp({ config: { ...config, session: { ...config.session, cookieSecure } }, db, clock: clock.now })
      const r = await other.inject({ method: 'POST', url: '/api/auth/login', headers: { host, origin: `http://${host}` }, payload: { email: moderator.email, password: moderator.password } })
      expect(sessionCookieOf(r)!.header.includes('; Secure')).toBe(secure)
      await other.close()
    }
  })

  it('gives a new session id at every sign-in and ends the session the browser brought', async () => {
    const first = await login(app, moderator)
    const second = await login(app, moderator, { cookie: first.cookie })
    expect(second.cookie).not.toBe(first.cookie)
    expect(second.csrf).not.toBe(first.csrf)
    expect((await session(first)).statusCode).toBe(401)
    expect((await session(second)).statusCode).toBe(200)
  })

  it('ends the session at once on logout', async () => {
    const a = await login(app, moderator)
    const before = await sessionRows()
    const res = await a.inject({ method: 'POST', url: '/api/auth/logout' })
    expect(res.statusCode).toBe(204)
    expect(sessionCookieOf(res)!.header).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/)
    expect(await sessionRows()).toBe(before - 1)
    expect((await session(a)).statusCode).toBe(401)
    expect((await queue(a)).statusCode).toBe(401)
  })

  it('refuses a logout without the CSRF token and keeps the session', async () => {
    const a = await login(app, moderator)
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: a.cookie, origin: INJECT_ORIGIN } })
    expect(res.json()).toMatchObject({ statusCode: 403, code: 'CSRF_REJECTED' })
    expect((await session(a)).statusCode).toBe(200)
  })

  it('ends every session of an account when it is disabled, and refuses its sign-in', async () => {
    const a1 = await login(app, moderator)
    const a2 = await login(app, moderator)
    const boss = await login(app, admin)
    const off = await boss.inject({ method: 'PATCH', url: `/api/staff/accounts/${moderator.id}`, payload: { disabled: true } })
    expect(off.statusCode).toBe(200)
    expect((await queue(a1)).statusCode).toBe(401)
    expect((await queue(a2)).statusCode).toBe(401)
    const again = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: INJECT_ORIGIN }, payload: { email: moderator.email, password: moderator.password } })
    expect(again.json()).toMatchObject({ statusCode: 401, code: 'INVALID_CREDENTIALS' })
    expect((await boss.inject({ method: 'PATCH', url: `/api/staff/accounts/${moderator.id}`, payload: { disabled: false } })).statusCode).toBe(200)
    expect((await queue(await login(app, moderator))).statusCode).toBe(200)
  })

  it('ends a session after 30 idle minutes', async () => {
    const a = await login(app, moderator)
    clock.advance(29 * MINUTE)
    expect((await queue(a)).statusCode).toBe(200)
    clock.advance(29 * MINUTE)
    expect((await session(a)).json().idleExpiresAt).toBe(new Date(clock.now().getTime() + 30 * MINUTE).toISOString())
    clock.advance(30 * MINUTE)
    expect((await queue(a)).json()).toMatchObject({ statusCode: 401, code: 'NOT_AUTHENTICATED' })
    expect((await session(a)).statusCode).toBe(401)
  })

  it('ends a session 12 hours after sign-in however much it is used', async () => {
    const a = await login(app, moderator)
    const start = clock.now().getTime()
    while (clock.now().getTime() - start < 12 * 60 * MINUTE - 25 * MINUTE) {
      clock.advance(25 * MINUTE)
      expect((await queue(a)).statusCode).toBe(200)
    }
    clock.advance(12 * 60 * MINUTE - (clock.now().getTime() - start))
    expect((await queue(a)).statusCode).toBe(401)
  })

  describe('CSRF', () => {
    const approve = (a: StaffAgent, id: number, headers: Record<string, string | undefined>) =>
      app.inject({ method: 'POST', url: `/api/staff/moderation/comments/${id}/approve`, payload: {}, headers: { cookie: a.cookie, ...headers } as Record<string, string> })

    it.each([
      ['no token', () => ({ origin: INJECT_ORIGIN })],
      ['a wrong token', (a: StaffAgent) => ({ origin: INJECT_ORIGIN, 'x-csrf-token': `${a.csrf.slice(0, -1)}${a.csrf.endsWith('A') ? 'B' : 'A'}` })],
      ['an empty token', () => ({ origin: INJECT_ORIGIN, 'x-csrf-token': '' })],
      ['a foreign Origin', (a: StaffAgent) => ({ origin: 'https://evil.example', 'x-csrf-token': a.csrf })],
      ['a foreign Referer and no Origin', (a: StaffAgent) => ({ referer: 'https://evil.example/page', 'x-csrf-token': a.csrf })],
      ['Origin null', (a: StaffAgent) => ({ origin: 'null', 'x-csrf-token': a.csrf })],
      ['neither Origin nor Referer', (a: StaffAgent) => ({ 'x-csrf-token': a.csrf })],
      ['another scheme of the site', (a: StaffAgent) => ({ origin: 'https://localhost:80', 'x-csrf-token': a.csrf })],
    ])('refuses a state-changing request with %s and changes nothing', async (_name, headers) => {
      const a = await login(app, moderator)
      const id = await pendingPin()
      const res = await approve(a, id, headers(a))
      expect(res.json()).toMatchObject({ statusCode: 403, code: 'CSRF_REJECTED' })
      expect(await commentState(id)).toBe('pending')
    })

    it("refuses another session's token", async () => {
      const a = await login(app, moderator)
      const b = await login(app, admin)
      const id = await pendingPin()
      expect((await approve(a, id, { origin: INJECT_ORIGIN, 'x-csrf-token': b.csrf })).statusCode).toBe(403)
      expect(await commentState(id)).toBe('pending')
    })

    it("accepts the session's token with the site's Origin, or its Referer", async () => {
      const a = await login(app, moderator)
      const one = await pendingPin()
      const two = await pendingPin()
      expect((await approve(a, one, { origin: INJECT_ORIGIN, 'x-csrf-token': a.csrf })).statusCode).toBe(200)
      expect((await approve(a, two, { referer: `${INJECT_ORIGIN}/personal/moderering`, 'x-csrf-token': a.csrf })).statusCode).toBe(200)
      expect(await commentState(one)).toBe('approved')
    })

    it('refuses a sign-in from another origin', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'https://evil.example' }, payload: { email: moderator.email, password: moderator.password } })
      expect(res.json()).toMatchObject({ statusCode: 403, code: 'CSRF_REJECTED' })
      expect(sessionCookieOf(res)).toBeNull()
    })

    it('checks against TRYGG_PUBLIC_ORIGIN when it is set', async () => {
      const other = await buildApp({ config: testConfig({ publicOrigin: 'https://trygg.example.se' }), db, clock: clock.now })
      const refused = await other.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: INJECT_ORIGIN }, payload: { email: moderator.email, password: moderator.password } })
      expect(refused.statusCode).toBe(403)
      const ok = await other.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'https://trygg.example.se' }, payload: { email: moderator.email, password: moderator.password } })
      expect(ok.statusCode).toBe(200)
      await other.close()
    })
  })
})
