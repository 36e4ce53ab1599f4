import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { createApiKey } from '../api-keys/api-keys.queries.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { fromSchema, hostileJson, hostileString, HOSTILE_STRINGS, type Hints } from '../../test/hostile.ts'

/**
 * Hostile input: every public operation of the OpenAPI document (Open311 included) gets
 * FUZZ_RUNS generated requests — mostly valid by its schema, sometimes the wrong type, a
 * boundary or a hostile string — and must never answer 5xx, must answer errors in its usual
 * shape, and must store nothing when it refuses.
 */
const FUZZ_RUNS = Number(process.env.TRYGG_FUZZ_RUNS ?? 1000)
const GUARDED = /^\/api\/(staff|police|partner|admin)(\/|$)/
const FORBIDDEN_FIELDS = ['id', 'status', 'municipality_id', 'municipalityId', 'created_at', 'createdAt', 'moderation', 'comment_state', 'follow_token_hash']
const validPin = { ...INSIDE, category: 'lighting', severity: 3, timesOfDay: ['evening'] }

/** Realistic values for named fields, so that generated requests also get past validation. */
const HINTS: Hints = {
  lat: fc.double({ min: 55.76, max: 55.84, noNaN: true }),
  lon: fc.double({ min: 13.01, max: 13.19, noNaN: true }),
  long: fc.double({ min: 13.01, max: 13.19, noNaN: true }).map(String),
  category: fc.constantFrom('lighting', 'vegetation', 'drugs', 'speeding'),
  service_code: fc.constantFrom('lighting', 'vegetation', 'drugs'),
  timesOfDay: fc.subarray(['morning', 'day', 'evening', 'night'], { minLength: 1 }),
  timeOfDay: fc.subarray(['morning', 'day', 'evening', 'night'], { minLength: 1 }).map((a) => a.join(',')),
  bbox: fc.tuple(fc.double({ min: 12.9, max: 13.1, noNaN: true }), fc.double({ min: 55.7, max: 55.8, noNaN: true })).map(([x, y]) => `${x},${y},${x + 0.1},${y + 0.05}`),
  zoom: fc.integer({ min: 0, max: 20 }),
  format: fc.constantFrom('json', 'xml'),
  jurisdiction_id: fc.constant('testkommun'),
}
interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie'
  name: string
  schema?: object
  required?: boolean
}
interface Operation {
  parameters?: Parameter[]
  requestBody?: { content: Record<string, { schema?: object }> }
  'x-roles'?: string[]
}

/** An inject request for an operation, with generated path, query and body. */
function requestFor(path: string, method: string, op: Operation, apiKey: string): fc.Arbitrary<InjectOptions> {
  const params = op.parameters ?? []
  const pathParams = params.filter((p) => p.in === 'path')
  const queryParams = params.filter((p) => p.in === 'query')
  const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')
  const pathArb = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, fc.oneof(fromSchema(p.schema, HINTS, 0, p.name), fc.constantFrom('json', 'xml', '1', 'lighting'))])))
  const queryArb = fc.record(
    {
      ...Object.fromEntries(queryParams.map((p) => [p.name, fromSchema(p.schema, HINTS, 0, p.name)])),
      x_extra: hostileString(),
    },
    { requiredKeys: [], noNullPrototype: true },
  )
  const content = op.requestBody?.content ?? {}
  const form = 'application/x-www-form-urlencoded' in content
  const bodySchema = (content['application/json'] ?? content['application/x-www-form-urlencoded'])?.schema
  const bodyArb: fc.Arbitrary<unknown> = op.requestBody ? fc.oneof({ weight: 6, arbitrary: fromSchema(bodySchema, HINTS) }, hostileJson()) : fc.constant(undefined)
  return fc.tuple(pathArb, queryArb, bodyArb, fc.boolean()).map(([pv, qv, body, withKey]) => {
    const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(Buffer.from(asText(pv[name])).toString()))
    const query = new URLSearchParams(Object.entries(qv).map(([k, v]): [string, string] => [k, asText(v)])).toString()
    const options: InjectOptions = { method: method.toUpperCase() as InjectOptions['method'], url: query ? `${url}?${query}` : url }
    if (body !== undefined) {
      if (form) {
        const fields = body && typeof body === 'object' && !Array.isArray(body) ? Object.entries(body) : [['value', body]]
        const encoded = new URLSearchParams(fields.map(([k, v]): [string, string] => [String(k), asText(v)]))
        if (withKey) encoded.set('api_key', apiKey)
        options.payload = encoded.toString()
        options.headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }
      } else {
        options.payload = JSON.stringify(body) ?? 'null'
        options.headers = { 'content-type': 'application/json', origin: 'http://localhost:80' }
      }
    }
    return options
  })
}

/** The document with every `{ $ref: '#/components/schemas/X' }` replaced by the schema itself. */
function resolveRefs(doc: { components?: { schemas?: Record<string, unknown> } }): unknown {
  const schemas = doc.components?.schemas ?? {}
  const walk = (v: unknown, depth: number): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, depth))
    if (!v || typeof v !== 'object') return v
    const ref = (v as { $ref?: string }).$ref
    if (typeof ref === 'string' && depth < 8) return walk(schemas[ref.split('/').pop()!], depth + 1)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, depth)]))
  }
  return walk(doc, 0)
}

/** The answer of a refused request has the usual error shape of its API. */
function expectErrorShape(path: string, res: LightMyRequestResponse) {
  // The router refuses an over-long path parameter before any route (or its error handler) runs.
  if (res.statusCode === 414) {
    expect(res.json(), res.body).toMatchObject({ statusCode: 414, code: 'FST_ERR_MAX_PARAM_LENGTH' })
    return
  }
  if (path.startsWith('/open311/')) {
    if (res.headers['content-type']?.toString().startsWith('application/json')) {
      const body = res.json() as { code: number; description: string }[]
      expect(Array.isArray(body) && body.every((e) => typeof e.code === 'number' && typeof e.description === 'string'), res.body).toBe(true)
    } else {
      expect(res.body).toMatch(/<errors>/)
    }
    return
  }
  expect(res.json(), res.body).toMatchObject({ statusCode: res.statusCode, code: expect.any(String), error: expect.any(String), message: expect.any(String) })
}

describe.each(ENGINES)('hostile input on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let apiKey: string
  let operations: { path: string; method: string; op: Operation }[]

  beforeAll(async () => {
    db = await openTestDb(engine)
    await seedTestMunicipality(db.kysely)
    apiKey = (await createApiKey(db.kysely, { name: 'fuzz', municipalitySlug: null })).key
    // Address search is turned off: a query that passes validation then answers 503 at once
    // instead of waiting its turn for the (rate-limited, external) geocoder.
    app = await buildApp({ config: testConfig({ geocoder: { url: null, userAgent: 'Trygg-test', attribution: '' } }), db })
    const doc = resolveRefs((await app.inject('/api/openapi.json')).json()) as { paths: Record<string, Record<string, Operation>> }
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      GUARDED.test(path) ? [] : Object.entries(ops).filter(([, op]) => !op['x-roles']).map(([method, op]) => ({ path, method, op })),
    )
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  const count = async () => (await sql<{ n: number }>`SELECT (SELECT count(*) FROM pin) + (SELECT count(*) FROM staff_session) AS n`.execute(db.kysely)).rows[0]!.n

  it('covers every public operation, Open311 included', () => {
    const names = operations.map((o) => `${o.method.toUpperCase()} ${o.path}`)
    expect(names).toEqual(expect.arrayContaining(['POST /api/pins', 'GET /api/pins/{id}', 'GET /api/pins/clusters', 'POST /api/auth/login', 'GET /api/health']))
    expect(names.filter((n) => n.includes('/open311/v2/')).length).toBeGreaterThanOrEqual(6)
  })

  it(`answers no generated request with 5xx and stores nothing it refuses (${FUZZ_RUNS} runs per operation)`, { timeout: 900_000 }, async () => {
    const figures: string[] = []
    for (const { path, method, op } of operations) {
      const statuses = new Map<number, number>()
      await fc.assert(
        fc.asyncProperty(requestFor(path, method, op, apiKey), async (request) => {
          // Reads cannot store anything; only writes are counted around.
          const write = method !== 'get'
          const before = write ? await count() : 0
          const res = await app.inject(request)
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
          const after = write ? await count() : 0
          const geocoderOff = path === '/api/geocode' && res.statusCode === 503 && res.json().code === 'GEOCODER_UNAVAILABLE'
          if (!geocoderOff) expect(res.statusCode, `${request.method} ${request.url} ${String(request.payload ?? '')}\n${res.body}`).toBeLessThan(500)
          if (res.statusCode >= 400) {
            expectErrorShape(path, res)
            expect(after, 'a refused request stored something').toBe(before)
          }
        }),
        { numRuns: FUZZ_RUNS },
      )
      figures.push(`${method.toUpperCase()} ${path} ${[...statuses].sort().map(([s, n]) => `${s}×${n}`).join(' ')}`)
    }
    console.log(`[hostile-input] ${engine}: ${operations.length} public operations × ${FUZZ_RUNS} runs = ${operations.length * FUZZ_RUNS} requests, none 5xx\n  ${figures.join('\n  ')}`)
  })

  it('refuses fields a client may not set, and stores nothing', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(FORBIDDEN_FIELDS, { minLength: 1 }), fc.array(hostileJson(), { minLength: 9, maxLength: 9 }), async (fields, values) => {
        const before = await count()
        const body = { ...validPin, ...Object.fromEntries(fields.map((f, i) => [f, values[i]])) }
        const res = await app.inject({ method: 'POST', url: '/api/pins', payload: body })
        expect(res.statusCode, res.body).toBe(400)
        // A value with a __proto__ key is refused by the JSON parser itself.
        expect(['VALIDATION_FAILED', 'MALFORMED_JSON']).toContain(res.json().code)
        expect(await count()).toBe(before)
      }),
      { numRuns: FUZZ_RUNS },
    )
  })

  it('refuses __proto__ and constructor keys anywhere in a body without polluting prototypes', { timeout: 300_000 }, async () => {
    const keyArb = fc.constantFrom('"__proto__"', '"constructor"', '"__pro\\u0074o__"', '"\\u005f_proto__"')
    await fc.assert(
      fc.asyncProperty(keyArb, fc.constantFrom('top', 'nested', 'array'), hostileJson(), async (key, where, value) => {
        const inner = `{${key}:{"prototype":{"polluted":1},"polluted":1,"x":${JSON.stringify(value) ?? 'null'}}}`
        const valid = JSON.stringify(validPin).slice(1, -1)
        const payload = where === 'top' ? `{${valid},${key}:${inner.slice(key.length + 2, -1)}}` : where === 'nested' ? `{${valid},"comment":${inner}}` : `{${valid},"timesOfDay":[${inner}]}`
        const before = await count()
        const res = await app.inject({ method: 'POST', url: '/api/pins', headers: { 'content-type': 'application/json' }, payload })
        expect(res.statusCode, `${payload}\n${res.body}`).toBe(400)
        expect(await count()).toBe(before)
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
        expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined()
      }),
      { numRuns: FUZZ_RUNS },
    )
  })

  it('stores SQL-like and script-like comments verbatim and serves them back as JSON text', { timeout: 300_000 }, async () => {
    let stored = 0
    let refused = 0
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), hostileString()), async (comment) => {
        const before = await count()
        const res = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...validPin, comment } })
        if (res.statusCode !== 201) {
          // Only text PostgreSQL cannot hold or that breaks the length limit may be refused.
          refused++
          expect(res.statusCode, res.body).toBe(400)
          expect(comment.includes('\u0000') || [...comment].length > 2000 || comment.length > 2000, `refused ${JSON.stringify(comment)}: ${res.body}`).toBe(true)
          expect(await count()).toBe(before)
          return
        }
        stored++
        const { id } = res.json() as { id: number }
        const row = await sql<{ comment: string | null }>`SELECT comment FROM pin WHERE id = ${id}`.execute(db.kysely)
        // Text is stored as UTF-8: a lone surrogate (not a character) becomes U+FFFD, as everywhere.
        const wellFormed = Buffer.from(comment, 'utf8').toString('utf8')
        expect(row.rows[0]!.comment).toBe(comment.trim() ? wellFormed : null)
        await sql`UPDATE pin SET comment_state = 'approved' WHERE id = ${id} AND comment IS NOT NULL`.execute(db.kysely)
        const view = await app.inject(`/api/pins/${id}`)
        expect(view.headers['content-type']).toBe('application/json; charset=utf-8')
        expect(view.json().comment).toBe(comment.trim() ? wellFormed : null)
      }),
      { numRuns: FUZZ_RUNS },
    )
    console.log(`[hostile-input] ${engine}: ${stored} hostile comments stored and served verbatim, ${refused} refused with 400`)
  })
})
