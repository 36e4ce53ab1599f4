import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app.ts'
import { loggerOptions } from '../logging/logger-options.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { INJECT_ORIGIN, MINUTE, TestClock, createStaff, sessionCookieOf, type TestStaff } from '../../test/staff.ts'

describe.each(ENGINES)('staff login on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  const clock = new TestClock()
  const logs: string[] = []
  let planner: TestStaff
  let other: TestStaff
  let address = 0

  beforeAll(async () => {
    db = await openTestDb(engine)
    const { municipalityId } = await seedTestMunicipality(db.kysely)
    const stream = new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) })
    const logger = { ...(loggerOptions('info') as object), stream }
    app = await buildApp({ config: testConfig(), db, clock: clock.now, logger })
    planner = await createStaff(db.kysely, municipalityId, 'planner', { email: 'Planner@Trygg.test' })
    other = await createStaff(db.kysely, municipalityId, 'police')
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  /** A new client address for each test, so one test's failures do not throttle the next. */
  const nextAddress = () => `198.51.100.${++address}`
  const attempt = (email: string, password: string, remoteAddress: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, headers: { origin: INJECT_ORIGIN }, payload: { email, password } })

  it('signs in with any case and surrounding spaces in the email', async () => {
    const res = await attempt('  PLANNER@trygg.TEST ', planner.password, nextAddress())
    expect(res.statusCode).toBe(200)
    expect(res.json().staff).toMatchObject({ email: 'planner@trygg.test', role: 'planner' })
    expect(sessionCookieOf(res)).not.toBeNull()
  })

  it('answers a wrong password and an unknown email alike, without a cookie', async () => {
    const ip = nextAddress()
    const wrong = await attempt(planner.email, 'not-the-password', ip)
    const unknown = await attempt('nobody@trygg.test', 'not-the-password', ip)
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json()).toEqual(unknown.json())
    expect(wrong.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', messageSv: 'Fel e-postadress eller lösenord.' })
    expect(sessionCookieOf(wrong)).toBeNull()
  })

  it('refuses a malformed login body with 400', async () => {
    const ip = nextAddress()
    for (const payload of [{ email: planner.email }, { email: planner.email, password: planner.password, role: 'admin' }, { email: 1, password: 'x' }, { email: planner.email, password: 'x'.repeat(257) }]) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, headers: { origin: INJECT_ORIGIN }, payload })
      expect(res.statusCode).toBe(400)
    }
  })

  it('throttles an account after 10 failures in 15 minutes, from any address, and lets it in after', async () => {
    for (let i = 0; i < 10; i++) expect((await attempt(other.email, `guess-${i}`, nextAddress())).statusCode).toBe(401)
    const refused = await attempt(other.email, other.password, nextAddress())
    expect(refused.statusCode).toBe(429)
    expect(refused.json()).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' })
    expect(Number(refused.headers['retry-after'])).toBe(15 * 60)
    expect(sessionCookieOf(refused)).toBeNull()
    clock.advance(14 * MINUTE)
    expect((await attempt(other.email, other.password, nextAddress())).statusCode).toBe(429)
    clock.advance(1 * MINUTE)
    expect((await attempt(other.email, other.password, nextAddress())).statusCode).toBe(200)
    expect(logs.some((l) => l.includes('login throttled') && l.includes('"throttledBy":"account"'))).toBe(true)
  })

  it('throttles an address after 10 failures in 15 minutes, whatever emails it tries', async () => {
    const ip = nextAddress()
    for (let i = 0; i < 10; i++) expect((await attempt(`user${i}@trygg.test`, 'guess', ip)).statusCode).toBe(401)
    const refused = await attempt(planner.email, planner.password, ip)
    expect(refused.statusCode).toBe(429)
    expect(logs.some((l) => l.includes('login throttled') && l.includes('"throttledBy":"address"'))).toBe(true)
    // The account itself is not locked: from another address it signs in.
    expect((await attempt(planner.email, planner.password, nextAddress())).statusCode).toBe(200)
    clock.advance(15 * MINUTE)
    expect((await attempt(planner.email, planner.password, ip)).statusCode).toBe(200)
  })

  it('counts an IPv6 /64 as one address', async () => {
    for (let i = 0; i < 10; i++) expect((await attempt(`v6-${i}@trygg.test`, 'guess', `2001:db8:1:2::${i + 1}`)).statusCode).toBe(401)
    expect((await attempt(planner.email, planner.password, '2001:db8:1:2:ffff::9')).statusCode).toBe(429)
    expect((await attempt(planner.email, planner.password, '2001:db8:1:3::1')).statusCode).toBe(200)
    clock.advance(15 * MINUTE)
  })

  it('forgets earlier failures of an account once it signs in', async () => {
    for (let i = 0; i < 9; i++) await attempt(planner.email, `typo-${i}`, nextAddress())
    expect((await attempt(planner.email, planner.password, nextAddress())).statusCode).toBe(200)
    for (let i = 0; i < 9; i++) await attempt(planner.email, `typo-${i}`, nextAddress())
    expect((await attempt(planner.email, planner.password, nextAddress())).statusCode).toBe(200)
  })

  it('counts parallel guesses before checking them', async () => {
    const ip = nextAddress()
    const results = await Promise.all(Array.from({ length: 14 }, (_, i) => attempt(`parallel-${i}@trygg.test`, 'guess', ip)))
    const codes = results.map((r) => r.statusCode).sort()
    expect(codes.filter((c) => c === 401)).toHaveLength(10)
    expect(codes.filter((c) => c === 429)).toHaveLength(4)
    clock.advance(15 * MINUTE)
  })

  it('logs failures and throttling without passwords, emails typed or client addresses', async () => {
    const text = logs.join('')
    expect(text).toContain('login failed')
    expect(text).toContain('login succeeded')
    for (const secret of ['guess-0', 'typo-1', 'not-the-password', planner.password, other.password, 'nobody@trygg.test', 'user3@trygg.test', '198.51.100.', '2001:db8']) {
      expect(text).not.toContain(secret)
    }
  })
})
