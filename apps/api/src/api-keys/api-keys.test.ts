import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { createStaff, login, type StaffAgent } from '../../test/staff.ts'
import { createApiKey } from './api-keys.queries.ts'

describe.each(ENGINES)('API key administration on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let admin: StaffAgent
  let otherAdmin: StaffAgent
  let planner: StaffAgent
  let municipalityId: number

  const writeOpen311 = (apiKey: string, jurisdiction = 'testkommun') =>
    app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ api_key: apiKey, jurisdiction_id: jurisdiction, service_code: 'lighting', lat: String(INSIDE.lat), long: String(INSIDE.lon), 'attribute[severity]': '3', 'attribute[times_of_day]': 'night' }).toString(),
    })
  const count = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM api_key`.execute(db.kysely)).rows[0]!.n)

  beforeAll(async () => {
    db = await openTestDb(engine)
    municipalityId = (await seedTestMunicipality(db.kysely)).municipalityId
    const other = (await seedTestMunicipality(db.kysely, 'annan', 'Annan kommun')).municipalityId
    app = await buildApp({ config: testConfig(), db })
    admin = await login(app, await createStaff(db.kysely, municipalityId, 'admin'))
    planner = await login(app, await createStaff(db.kysely, municipalityId, 'planner'))
    otherAdmin = await login(app, await createStaff(db.kysely, other, 'admin'))
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  it('are for admins only', async () => {
    const before = await count()
    expect((await app.inject('/api/staff/api-keys')).statusCode).toBe(401)
    expect((await planner.inject({ url: '/api/staff/api-keys' })).statusCode).toBe(403)
    expect((await planner.inject({ method: 'POST', url: '/api/staff/api-keys', payload: { name: 'x' } })).statusCode).toBe(403)
    expect(await count()).toBe(before)
  })

  it('create a key shown once and stored only as its hash, log its uses and the decisions, and revoke it', async () => {
    const res = await admin.inject({ method: 'POST', url: '/api/staff/api-keys', payload: { name: ' Fixa min gata ' } })
    expect(res.statusCode, res.body).toBe(201)
    const { key, apiKey } = res.json()
    expect(key).toMatch(/^trygg_[A-Za-z0-9_-]{43}$/)
    expect(apiKey).toMatchObject({ name: 'Fixa min gata', municipality: 'testkommun', prefix: key.slice(0, 10), revokedAt: null, lastUsedAt: null, useCount: 0 })

    const row = (await sql<{ key_hash: Uint8Array }>`SELECT * FROM api_key WHERE id = ${apiKey.id}`.execute(db.kysely)).rows[0]!
    expect(Buffer.from(row.key_hash).equals(crypto.createHash('sha256').update(key).digest())).toBe(true)
    expect(JSON.stringify(row)).not.toContain(key.slice(10))

    expect((await writeOpen311(key)).statusCode).toBe(200)
    expect((await writeOpen311(key)).statusCode).toBe(200)
    const listed = (await admin.inject({ url: '/api/staff/api-keys' })).json().apiKeys
    const mine = listed.find((k: { id: number }) => k.id === apiKey.id)
    expect(mine.useCount).toBe(2)
    expect(Date.now() - Date.parse(mine.lastUsedAt)).toBeLessThan(60_000)
    for (const k of listed) expect(JSON.stringify(k)).not.toContain(key.slice(10))
    // bound to its municipality; the refused attempt is logged as a use too
    expect((await writeOpen311(key, 'annan')).statusCode).toBe(403)

    const revoked = await admin.inject({ method: 'POST', url: `/api/staff/api-keys/${apiKey.id}/revoke`, payload: {} })
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json().revokedAt).not.toBeNull()
    const refused = await writeOpen311(key)
    expect(refused.statusCode).toBe(403)
    expect(refused.json()[0].description).toMatch(/revoked/)
    const again = await admin.inject({ method: 'POST', url: `/api/staff/api-keys/${apiKey.id}/revoke`, payload: {} })
    expect(again.json().revokedAt).toBe(revoked.json().revokedAt)
    expect(again.json().useCount).toBe(3)

    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'actor_email']).where('entity_type', '=', 'api_key').where('entity_id', '=', String(apiKey.id)).orderBy('id').execute()
    expect(audit.map((a) => a.action)).toEqual(['api_key.create', 'api_key.revoke', 'api_key.revoke'])
    expect(audit[0]!.actor_email).toBe(`admin-${municipalityId}@trygg.test`)
  })

  it("keep each municipality's keys to itself; deployment-wide keys are not listed", async () => {
    const theirs = (await otherAdmin.inject({ method: 'POST', url: '/api/staff/api-keys', payload: { name: 'Annans' } })).json().apiKey
    const everywhere = (await createApiKey(db.kysely, { name: 'Everywhere', municipalitySlug: null })).info
    const ids = (await admin.inject({ url: '/api/staff/api-keys' })).json().apiKeys.map((k: { id: number }) => k.id)
    expect(ids).not.toContain(theirs.id)
    expect(ids).not.toContain(everywhere.id)
    const res = await admin.inject({ method: 'POST', url: `/api/staff/api-keys/${theirs.id}/revoke`, payload: {} })
    expect(res.statusCode).toBe(404)
    const row = await db.kysely.selectFrom('api_key').select('revoked_at').where('id', '=', theirs.id).executeTakeFirstOrThrow()
    expect(row.revoked_at).toBeNull()
  })

  it.each([
    ['an empty name', { name: '' }, /name/],
    ['a blank name', { name: '   ' }, /name/],
    ['an unknown field', { name: 'x', municipality: 'annan' }, /municipality/],
  ])('refuse %s with 400 and store nothing', async (_name, payload, message) => {
    const before = await count()
    const res = await admin.inject({ method: 'POST', url: '/api/staff/api-keys', payload })
    expect(res.statusCode).toBe(400)
    expect(JSON.stringify(res.json())).toMatch(message)
    expect(await count()).toBe(before)
  })

  it('answer revoking an unknown key with 404 and a malformed id with 400', async () => {
    expect((await admin.inject({ method: 'POST', url: '/api/staff/api-keys/999999/revoke', payload: {} })).statusCode).toBe(404)
    expect((await admin.inject({ method: 'POST', url: '/api/staff/api-keys/abc/revoke', payload: {} })).statusCode).toBe(400)
  })
})
