import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import apiKeyAdmin from './index.ts'

/** Stands in for the staff session check: only requests carrying the admin header pass. */
async function testGuard(request: FastifyRequest, reply: FastifyReply) {
  if (request.headers['x-test-admin'] !== 'yes') {
    return reply.status(401).send({ statusCode: 401, code: 'UNAUTHENTICATED', error: 'Unauthorized', message: 'Sign in as an admin.' })
  }
}

describe.each(ENGINES)('API key admin routes on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let unguarded: FastifyInstance
  const admin = { 'x-test-admin': 'yes' }

  const writeOpen311 = (apiKey: string) =>
    app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ api_key: apiKey, jurisdiction_id: 'testkommun', service_code: 'lighting', lat: String(INSIDE.lat), long: String(INSIDE.lon), 'attribute[severity]': '3', 'attribute[times_of_day]': 'night' }).toString(),
    })

  beforeAll(async () => {
    db = await openTestDb(engine)
    await seedTestMunicipality(db.kysely)
    await seedTestMunicipality(db.kysely, 'annan', 'Annan kommun')
    app = await buildApp({ config: testConfig(), db, apiKeyAdminGuard: testGuard })
    unguarded = await buildApp({ config: testConfig(), db })
  })
  afterAll(async () => {
    await app?.close()
    await unguarded?.close()
    await db?.close()
  })

  it('are not there at all without access control', async () => {
    expect((await unguarded.inject('/api/admin/api-keys')).statusCode).toBe(404)
    expect((await unguarded.inject({ method: 'POST', url: '/api/admin/api-keys', payload: { name: 'x' } })).statusCode).toBe(404)
    const paths = Object.keys((await unguarded.inject('/api/openapi.json')).json().paths)
    expect(paths.filter((p) => p.startsWith('/api/admin'))).toEqual([])
    await expect(Fastify().register(apiKeyAdmin, {} as never).ready()).rejects.toThrow(/preHandler/)
  })

  it('run the access control before every route', async () => {
    const before = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM api_key`.execute(db.kysely)).rows[0]!.n)
    for (const [method, url] of [['GET', '/api/admin/api-keys'], ['POST', '/api/admin/api-keys'], ['POST', '/api/admin/api-keys/1/revoke']] as const) {
      const res = await app.inject({ method, url, payload: method === 'POST' ? { name: 'x' } : undefined })
      expect(res.statusCode, `${method} ${url}`).toBe(401)
    }
    expect(Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM api_key`.execute(db.kysely)).rows[0]!.n)).toBe(before)
  })

  it('create a key shown once and stored only as its hash, log its uses, and revoke it', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload: { name: ' Fixa min gata ', municipality: 'testkommun' } })
    expect(res.statusCode, res.body).toBe(201)
    const { key, apiKey } = res.json()
    expect(key).toMatch(/^trygg_[A-Za-z0-9_-]{43}$/)
    expect(apiKey).toMatchObject({ name: 'Fixa min gata', municipality: 'testkommun', prefix: key.slice(0, 10), revokedAt: null, lastUsedAt: null, useCount: 0 })

    const row = (await sql<{ key_hash: Uint8Array }>`SELECT * FROM api_key WHERE id = ${apiKey.id}`.execute(db.kysely)).rows[0]!
    expect(Buffer.from(row.key_hash).equals(crypto.createHash('sha256').update(key).digest())).toBe(true)
    expect(JSON.stringify(row)).not.toContain(key.slice(10))

    expect((await writeOpen311(key)).statusCode).toBe(200)
    expect((await writeOpen311(key)).statusCode).toBe(200)
    const listed = (await app.inject({ url: '/api/admin/api-keys', headers: admin })).json()
    const mine = listed.find((k: { id: number }) => k.id === apiKey.id)
    expect(mine.useCount).toBe(2)
    expect(Date.now() - Date.parse(mine.lastUsedAt)).toBeLessThan(60_000)
    for (const k of listed) expect(JSON.stringify(k)).not.toContain(key.slice(10))

    const revoked = await app.inject({ method: 'POST', url: `/api/admin/api-keys/${apiKey.id}/revoke`, headers: admin })
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json().revokedAt).not.toBeNull()
    const refused = await writeOpen311(key)
    expect(refused.statusCode).toBe(403)
    expect(refused.json()[0].description).toMatch(/revoked/)
    const again = await app.inject({ method: 'POST', url: `/api/admin/api-keys/${apiKey.id}/revoke`, headers: admin })
    expect(again.json().revokedAt).toBe(revoked.json().revokedAt)
    expect(again.json().useCount).toBe(2)
  })

  it('list the keys valid for a municipality: its own and deployment-wide ones', async () => {
    const create = (payload: object) => app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload })
    const everywhere = (await create({ name: 'Everywhere' })).json().apiKey
    const other = (await create({ name: 'Other', municipality: 'annan' })).json().apiKey
    expect(everywhere.municipality).toBeNull()
    const ids = (slug: string) => app.inject({ url: `/api/admin/api-keys?municipality=${slug}`, headers: admin }).then((r) => r.json().map((k: { id: number }) => k.id))
    expect(await ids('annan')).toEqual([other.id, everywhere.id])
    expect(await ids('testkommun')).not.toContain(other.id)
    expect(await ids('testkommun')).toContain(everywhere.id)
  })

  it.each([
    ['an unknown municipality', { name: 'x', municipality: 'nowhere' }, /nowhere/],
    ['an empty name', { name: '' }, /name/],
    ['an unknown field', { name: 'x', scope: 'all' }, /scope/],
  ])('refuse %s with 400', async (_name, payload, message) => {
    const res = await app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload })
    expect(res.statusCode).toBe(400)
    expect(JSON.stringify(res.json())).toMatch(message)
  })

  it('answer revoking an unknown key with 404', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/admin/api-keys/999999/revoke', headers: admin })).statusCode).toBe(404)
    expect((await app.inject({ method: 'POST', url: '/api/admin/api-keys/abc/revoke', headers: admin })).statusCode).toBe(400)
  })
})
