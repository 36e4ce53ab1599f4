import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { hashFollowToken } from '../pins/pins.queries.ts'
import { loggerOptions } from '../logging/logger-options.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, OUTSIDE, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { INJECT_ORIGIN, TestClock, createStaff, login } from '../../test/staff.ts'

const DAY = 24 * 3600_000
const pin = (comment: string) => ({ ...INSIDE, category: 'lighting', severity: 3, timesOfDay: ['night'], comment })

/** Every row of every table of the public schema, as JSON text. */
async function dumpDatabase(db: TestDb): Promise<string> {
  const { rows: tables } = await sql<{ t: string }>`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys'`.execute(db.kysely)
  let all = ''
  for (const { t } of tables) {
    const { rows } = await sql<{ j: string }>`SELECT row_to_json(x)::text AS j FROM ${sql.table(t)} AS x`.execute(db.kysely)
    all += rows.map((r) => `${t}: ${r.j}`).join('\n') + '\n'
  }
  return all
}

describe.each(ENGINES)('privacy on %s', (engine) => {
  let db: TestDb
  let municipalityId: number
  beforeAll(async () => {
    db = await openTestDb(engine)
    ;({ municipalityId } = await seedTestMunicipality(db.kysely))
  })
  afterAll(async () => {
    await db?.close()
  })

  it('keeps marked comment text, follow tokens, passwords and client addresses out of logs, and all but the comment out of the database', async () => {
    let logs = ''
    const stream = new Writable({ write: (chunk, _enc, done) => void ((logs += chunk.toString()), done()) })
    const logger = { ...(loggerOptions('debug') as object), stream }
    const app = await buildApp({ config: testConfig({ trustProxy: true }), db, logger })
    try {
      const marker = `canary${Date.now().toString(36)}`
      const canary = {
        comment: `${marker}-comment Lampan vid Storgatan 7 är trasig`,
        password: `${marker}-Password-123`,
        address: '198.51.100.73',
        forwarded: '203.0.113.91',
      }
      const staff = await createStaff(db.kysely, municipalityId, 'moderator', { email: `${marker}@trygg.test` })
      const fromResident = { 'x-forwarded-for': canary.forwarded }

      const created = await app.inject({ method: 'POST', url: '/api/pins', payload: pin(canary.comment), remoteAddress: canary.address, headers: fromResident })
      expect(created.statusCode).toBe(201)
      const followToken = (created.json() as { followToken: string }).followToken
      // Refused writes carrying the same text, and the private follow link in every form.
      expect((await app.inject({ method: 'POST', url: '/api/pins', payload: { ...pin(canary.comment), ...OUTSIDE }, remoteAddress: canary.address })).statusCode).toBe(422)
      expect((await app.inject({ method: 'POST', url: '/api/pins', payload: { ...pin(canary.comment), severity: 9 }, remoteAddress: canary.address })).statusCode).toBe(400)
      for (const url of [`/f/${followToken}`, `/api/follow/${followToken}`, `/api/pins/clusters?token=${followToken}`]) {
        await app.inject({ url, remoteAddress: canary.address, headers: fromResident })
      }
      // A failed and a successful staff sign-in.
      const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: staff.email, password: canary.password }, remoteAddress: canary.address, headers: { origin: INJECT_ORIGIN, ...fromResident } })
      expect(wrong.statusCode).toBe(401)
      await login(app, staff)

      const secrets = { followToken, password: canary.password, staffPassword: staff.password, address: canary.address, forwarded: canary.forwarded }
      expect(logs).toContain('"statusCode":201')
      for (const [name, value] of Object.entries({ ...secrets, comment: marker, email: staff.email })) {
        expect(logs.includes(value), `the logs hold the ${name}`).toBe(false)
      }
      const dump = await dumpDatabase(db)
      expect(dump).toContain(canary.comment)
      for (const [name, value] of Object.entries(secrets)) expect(dump.includes(value), `the database holds the ${name}`).toBe(false)
      // The comment is stored once, in its pin, and nowhere else.
      expect(dump.split(canary.comment).length - 1).toBe(1)
      console.log(`[privacy] ${engine}: ${Object.keys(secrets).length + 1} canary values searched in ${logs.split('\n').length - 1} log lines and ${dump.split('\n').length - 1} database rows; none found where they must not be`)
    } finally {
      await app.close()
    }
  })

  it('stores no client address with a pin: the pin columns are the resident’s answers and bookkeeping only', async () => {
    const { rows } = await sql<{ c: string }>`SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'pin' ORDER BY ordinal_position`.execute(db.kysely)
    const columns = rows.map((r) => r.c)
    expect(columns.filter((c) => /(^|_)(ip|addr|address|agent|client|remote|email|phone|name)(_|$)/i.test(c))).toEqual([])
  })

  it('deletes follow tokens after TRYGG_RETENTION_DAYS days, with a moved clock', async () => {
    const clock = new TestClock(Date.now())
    const app = await buildApp({ config: testConfig({ retentionDays: 30 }), db, clock: clock.now })
    try {
      const res = await app.inject({ method: 'POST', url: '/api/pins', payload: pin('retention') })
      const { id, followToken } = res.json() as { id: number; followToken: string }
      const token = async () => (await sql<{ h: Buffer | null }>`SELECT follow_token_hash AS h FROM pin WHERE id = ${id}`.execute(db.kysely)).rows[0]?.h

      clock.advance(29 * DAY)
      await app.runRetention()
      expect(Buffer.from((await token())!)).toEqual(hashFollowToken(followToken))

      clock.advance(2 * DAY)
      const result = await app.runRetention()
      expect(result.followTokens).toBeGreaterThanOrEqual(1)
      expect(await token()).toBeNull()
      // The pin itself is a public record and stays.
      expect((await app.inject(`/api/pins/${id}`)).statusCode).toBe(200)
    } finally {
      await app.close()
    }
  })

  it('runs the retention job by itself on its schedule', async () => {
    const clock = new TestClock(Date.now() + 400 * DAY)
    const app = await buildApp({ config: testConfig({ retentionDays: 365 }), db, clock: clock.now, retentionSchedule: { firstRunMs: 20, intervalMs: 50 } })
    try {
      const { rows } = await sql<{ id: number }>`
        INSERT INTO pin (municipality_id, category_id, geom, severity, times_of_day, source, follow_token_hash, created_at)
        SELECT ${municipalityId}, id, ST_SetSRID(ST_MakePoint(13.1, 55.8), 4326), 2, 1, 'web', ${hashFollowToken('scheduled')}, ${new Date()}
          FROM category WHERE key = 'lighting' AND municipality_id = ${municipalityId}
        RETURNING id`.execute(db.kysely)
      const id = rows[0]!.id
      const deadline = Date.now() + 10_000
      let hash: unknown = 'not yet'
      while (Date.now() < deadline && hash !== null) {
        await new Promise((r) => setTimeout(r, 50))
        hash = (await sql<{ h: Buffer | null }>`SELECT follow_token_hash AS h FROM pin WHERE id = ${id}`.execute(db.kysely)).rows[0]!.h
      }
      expect(hash).toBeNull()
    } finally {
      await app.close()
    }
  })
})
