import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { solveChallenge } from 'altcha-lib/v1'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'

const valid = { ...INSIDE, category: 'lighting', severity: 2, timesOfDay: ['day'] }
const SECRET = 'a-test-secret-that-is-long-enough-for-hmac'

describe.each(ENGINES)('abuse protection on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance

  beforeAll(async () => {
    db = await openTestDb(engine)
    await seedTestMunicipality(db.kysely)
    app = await buildApp({ config: testConfig({ antibot: true, antibotSecret: SECRET }), db })
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  const pinCount = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin`.execute(db.kysely)).rows[0]!.n

  /** Fetches a challenge and solves it as the browser does; returns the `altcha` payload. */
  async function solved(from: FastifyInstance = app): Promise<string> {
    const res = await from.inject('/api/challenge')
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const c = res.json()
    const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise
    expect(solution).not.toBeNull()
    return Buffer.from(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: solution!.number, salt: c.salt, signature: c.signature })).toString('base64')
  }

  it('serves signed challenges that expire', async () => {
    const c = (await app.inject('/api/challenge')).json()
    expect(c).toMatchObject({ algorithm: 'SHA-256', maxnumber: 50_000, enabled: true })
    expect(c.challenge).toMatch(/^[0-9a-f]{64}$/)
    expect(c.salt).toMatch(/\?expires=\d+/)
  })

  it('refuses pins and agreements without a proof, with a wrong one, or with a reused one, storing nothing', async () => {
    const before = await pinCount()
    const missing = await app.inject({ method: 'POST', url: '/api/pins', payload: valid })
    expect(missing.statusCode).toBe(403)
    expect(missing.json()).toMatchObject({ code: 'ANTIBOT_FAILED', fields: [{ field: 'altcha', message: 'is required' }] })

    const payload = await solved()
    const decoded = JSON.parse(Buffer.from(payload, 'base64').toString())
    const wrongNumber = Buffer.from(JSON.stringify({ ...decoded, number: decoded.number + 1 })).toString('base64')
    const forged = Buffer.from(JSON.stringify({ ...decoded, signature: 'f'.repeat(64) })).toString('base64')
    for (const altcha of [wrongNumber, forged, 'not base64 json', Buffer.from('{}').toString('base64')]) {
      const res = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...valid, altcha } })
      expect([altcha, res.statusCode, res.json().code]).toEqual([altcha, 403, 'ANTIBOT_FAILED'])
    }
    expect(await pinCount()).toBe(before)

    const ok = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...valid, altcha: payload } })
    expect(ok.statusCode).toBe(201)
    const replay = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...valid, altcha: payload } })
    expect(replay.statusCode).toBe(403)
    expect(replay.json().fields).toEqual([{ field: 'altcha', message: 'was already used' }])
    expect(await pinCount()).toBe(before + 1)

    const id = ok.json().id
    expect((await app.inject({ method: 'POST', url: `/api/pins/${id}/agree`, payload: {} })).statusCode).toBe(403)
    const agreed = await app.inject({ method: 'POST', url: `/api/pins/${id}/agree`, payload: { altcha: await solved() } })
    expect(agreed.json()).toMatchObject({ agreementCount: 1 })
  })

  it('refuses a proof signed by another server', async () => {
    const other = await buildApp({ config: testConfig({ antibot: true, antibotSecret: 'another-secret-that-is-long-enough-too' }), db })
    const foreign = await solved(other)
    await other.close()
    const res = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...valid, altcha: foreign } })
    expect(res.statusCode).toBe(403)
  })

  it('refuses a filled honeypot even with a valid proof, and accepts an empty one', async () => {
    const trapped = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...valid, website: 'http://spam.example', altcha: await solved() } })
    expect(trapped.statusCode).toBe(403)
    expect(trapped.json().fields).toEqual([{ field: 'website', message: 'must be empty' }])
    const human = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...valid, website: '', altcha: await solved() } })
    expect(human.statusCode).toBe(201)
  })

  it('accepts writes without a proof when anti-bot is off, still refusing the honeypot, and logs a warning at start', async () => {
    const lines: string[] = []
    const stream = { write: (line: string) => void lines.push(line) }
    const open = await buildApp({ config: testConfig({ antibot: false }), db, logger: { level: 'warn', stream } })
    await open.ready()
    expect(lines.join('\n')).toMatch(/TRYGG_ANTIBOT=off/)
    expect((await open.inject('/api/challenge')).json().enabled).toBe(false)
    expect((await open.inject({ method: 'POST', url: '/api/pins', payload: valid })).statusCode).toBe(201)
    expect((await open.inject({ method: 'POST', url: '/api/pins', payload: { ...valid, website: 'x' } })).statusCode).toBe(403)
    await open.close()
  })

  it('limits resident writes per client address and minute, with the usual error shape', async () => {
    const limited = await buildApp({ config: testConfig({ rateLimitPerMin: 3 }), db })
    const post = (ip: string) => limited.inject({ method: 'POST', url: '/api/pins', payload: valid, remoteAddress: ip })
    for (let i = 0; i < 3; i++) expect((await post('192.0.2.1')).statusCode).toBe(201)
    const refused = await post('192.0.2.1')
    expect(refused.statusCode).toBe(429)
    expect(refused.json()).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' })
    expect(refused.json().messageSv).toMatch(/För många/)
    expect((await post('192.0.2.2')).statusCode).toBe(201)
    // The address is used for counting only: a pin has no column that could hold it.
    const { rows } = await sql<{ c: string }>`SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'pin'`.execute(db.kysely)
    expect(rows.map((r) => r.c).filter((c) => /(^|_)ip($|_)|addr/i.test(c))).toEqual([])
    await limited.close()

    const unlimited = await buildApp({ config: testConfig({ rateLimitPerMin: 0 }), db })
    for (let i = 0; i < 5; i++) expect((await unlimited.inject({ method: 'POST', url: '/api/pins', payload: valid, remoteAddress: '192.0.2.3' })).statusCode).toBe(201)
    await unlimited.close()
  })
})
