import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, OUTSIDE, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'

const valid = { ...INSIDE, category: 'lighting', severity: 4, timesOfDay: ['evening', 'night'] }

describe.each(ENGINES)('pins on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance

  beforeAll(async () => {
    db = await openTestDb(engine)
    await seedTestMunicipality(db.kysely)
    app = await buildApp({ config: testConfig(), db })
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  const pinCount = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin`.execute(db.kysely)).rows[0]!.n)
  const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/pins', payload: payload as object })

  it('reports its engine on /api/health', async () => {
    const res = await app.inject('/api/health')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', db: engine })
  })

  it('creates a pin and serves its public view without the unmoderated comment', async () => {
    const res = await post({ ...valid, comment: 'Lampan vid tunneln är trasig' })
    expect(res.statusCode).toBe(201)
    const { id, followToken } = res.json()
    expect(Number.isInteger(id)).toBe(true)
    expect(followToken).toMatch(/^[A-Za-z0-9_-]{22}$/)

    const pin = await app.inject(`/api/pins/${id}`)
    expect(pin.statusCode).toBe(200)
    expect(pin.json()).toMatchObject({ id, category: 'lighting', severity: 4, timesOfDay: ['evening', 'night'], comment: null, status: 'received' })
    expect(pin.json().lat).toBeCloseTo(INSIDE.lat, 9)
    expect(pin.json().lon).toBeCloseTo(INSIDE.lon, 9)

    const stored = await sql<{ hash: Buffer | null; comment: string }>`SELECT follow_token_hash AS hash, comment FROM pin WHERE id = ${id}`.execute(db.kysely)
    expect(stored.rows[0]!.comment).toBe('Lampan vid tunneln är trasig')
    expect(Buffer.from(stored.rows[0]!.hash!).toString('base64url')).not.toBe(followToken)
  })

  it('files a pin under the digital walk running now, else under the continuous campaign', async () => {
    const campaignOf = async (id: number) => (await sql<{ c: number | null }>`SELECT campaign_id AS c FROM pin WHERE id = ${id}`.execute(db.kysely)).rows[0]!.c
    const { rows } = await sql<{ id: number; municipality_id: number }>`SELECT id, municipality_id FROM campaign WHERE kind = 'continuous'`.execute(db.kysely)
    const continuous = rows[0]!
    expect(await campaignOf((await post(valid)).json().id)).toBe(continuous.id)
    const walk = await sql<{ id: number }>`
      INSERT INTO campaign (municipality_id, kind, name, starts_at, ends_at)
      VALUES (${continuous.municipality_id}, 'digital', 'Vandring nu', now() - interval '1 day', now() + interval '1 day') RETURNING id`.execute(db.kysely)
    const ended = await sql<{ id: number }>`
      INSERT INTO campaign (municipality_id, kind, name, starts_at, ends_at)
      VALUES (${continuous.municipality_id}, 'digital', 'Vandring förr', now() - interval '9 days', now() - interval '8 days') RETURNING id`.execute(db.kysely)
    try {
      expect(await campaignOf((await post(valid)).json().id)).toBe(walk.rows[0]!.id)
    } finally {
      await sql`DELETE FROM pin WHERE campaign_id IN (${walk.rows[0]!.id}, ${ended.rows[0]!.id})`.execute(db.kysely)
      await sql`DELETE FROM campaign WHERE id IN (${walk.rows[0]!.id}, ${ended.rows[0]!.id})`.execute(db.kysely)
    }
  })

  it('shows an approved comment', async () => {
    const { id } = (await post({ ...valid, comment: '<script>alert(1)</script> \'; DROP TABLE pin; --' })).json()
    await sql`UPDATE pin SET comment_state = 'approved' WHERE id = ${id}`.execute(db.kysely)
    expect((await app.inject(`/api/pins/${id}`)).json().comment).toBe('<script>alert(1)</script> \'; DROP TABLE pin; --')
  })

  it('answers 404 for a pin that does not exist', async () => {
    const res = await app.inject('/api/pins/999999999')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' })
    expect((await app.inject('/api/pins/abc')).statusCode).toBe(400)
  })

  it('refuses a point outside the boundary with 422 in Swedish and English', async () => {
    const before = await pinCount()
    const res = await post({ ...valid, ...OUTSIDE })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ statusCode: 422, code: 'PIN_OUTSIDE_BOUNDARY' })
    expect(res.json().message).toMatch(/outside Testkommun/)
    expect(res.json().messageSv).toMatch(/utanför Testkommun kommun/)
    expect(await pinCount()).toBe(before)
  })

  const bad: [string, unknown, string][] = [
    ['lat as a string', { ...valid, lat: '55.8' }, 'lat'],
    ['lon as a string', { ...valid, lon: 'east' }, 'lon'],
    ['latitude above 90', { ...valid, lat: 90.5 }, 'lat'],
    ['latitude below -90', { ...valid, lat: -91 }, 'lat'],
    ['longitude above 180', { ...valid, lon: 181 }, 'lon'],
    ['longitude below -180', { ...valid, lon: -180.01 }, 'lon'],
    ['missing lat', { lon: valid.lon, category: 'lighting', severity: 3, timesOfDay: ['day'] }, 'lat'],
    ['missing category', { ...valid, category: undefined }, 'category'],
    ['unknown category', { ...valid, category: 'ufo' }, 'category'],
    ['severity 0', { ...valid, severity: 0 }, 'severity'],
    ['severity 6', { ...valid, severity: 6 }, 'severity'],
    ['severity 2.5', { ...valid, severity: 2.5 }, 'severity'],
    ['severity as a string', { ...valid, severity: '3' }, 'severity'],
    ['no time of day', { ...valid, timesOfDay: [] }, 'timesOfDay'],
    ['unknown time of day', { ...valid, timesOfDay: ['noon'] }, 'timesOfDay.0'],
    ['duplicate times of day', { ...valid, timesOfDay: ['day', 'day'] }, 'timesOfDay'],
    ['times of day as a string', { ...valid, timesOfDay: 'day' }, 'timesOfDay'],
    ['an extra field', { ...valid, status: 'done' }, 'status'],
    ['an id', { ...valid, id: 5 }, 'id'],
    ['municipality_id', { ...valid, municipality_id: 2 }, 'municipality_id'],
    ['a comment over 2,000 characters', { ...valid, comment: 'a'.repeat(2001) }, 'comment'],
    ['a comment that is not a string', { ...valid, comment: 42 }, 'comment'],
    ['null lat', { ...valid, lat: null }, 'lat'],
    ['an array body', [valid], 'body'],
  ]

  it.each(bad)('refuses %s with a field-level 400 and stores nothing', async (_name, payload, field) => {
    const before = await pinCount()
    const res = await post(payload)
    expect(res.statusCode).toBe(400)
    const body = res.json()
    expect(body.statusCode).toBe(400)
    expect(body.code).toMatch(/VALIDATION_FAILED|UNKNOWN_CATEGORY/)
    expect(body.message.length).toBeGreaterThan(5)
    expect(body.fields.map((f: { field: string }) => f.field)).toContain(field)
    expect(await pinCount()).toBe(before)
  })

  it.each([
    ['malformed JSON', '{"lat": 55.8, "lon": '],
    ['NaN', '{"lat": NaN, "lon": 13.1, "category": "lighting", "severity": 3, "timesOfDay": ["day"]}'],
    ['Infinity', '{"lat": Infinity, "lon": 13.1, "category": "lighting", "severity": 3, "timesOfDay": ["day"]}'],
    ['an empty body', ''],
  ])('refuses %s with 400 and stores nothing', async (_name, raw) => {
    const before = await pinCount()
    const res = await app.inject({ method: 'POST', url: '/api/pins', payload: raw, headers: { 'content-type': 'application/json' } })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ statusCode: 400 })
    expect(res.json().code).toMatch(/MALFORMED_JSON|VALIDATION_FAILED/)
    expect(await pinCount()).toBe(before)
  })

  it('refuses a body over 1 MB with 413', async () => {
    const before = await pinCount()
    const res = await post({ ...valid, comment: 'x'.repeat(1024 * 1024 + 10) })
    expect(res.statusCode).toBe(413)
    expect(res.json()).toMatchObject({ statusCode: 413, code: 'BODY_TOO_LARGE' })
    expect(await pinCount()).toBe(before)
  })

  it('refuses a form-encoded body with 415', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/pins', payload: 'lat=55.8', headers: { 'content-type': 'text/plain' } })
    expect(res.statusCode).toBe(415)
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('describes every route in the OpenAPI document', async () => {
    const res = await app.inject('/api/openapi.json')
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toMatch(/^3\./)
    for (const p of ['/api/health', '/api/config', '/api/pins', '/api/pins/{id}', '/api/pins/clusters']) expect(doc.paths).toHaveProperty([p])
    expect(doc.paths['/api/pins'].post.requestBody).toBeDefined()
    expect((await app.inject('/api/docs')).statusCode).toBeLessThan(400)
    // Every operation has a summary and at least one example (in its parameters, body or answers,
    // directly or through the shared schemas it refers to).
    const components = doc.components?.schemas ?? {}
    const withRefs = (o: unknown): string => JSON.stringify(o).replace(/"\$ref":"#\/components\/schemas\/([^"]+)"/g, (_m, name: string) => JSON.stringify(components[name] ?? {}))
    const lacking = Object.entries(doc.paths as Record<string, Record<string, { summary?: string }>>).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) => (op.summary && /"examples?"/.test(withRefs(op)) ? [] : [`${method.toUpperCase()} ${path}`])),
    )
    expect(lacking).toEqual([])
  })

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await app.inject('/api/nothing-here')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' })
  })
})
