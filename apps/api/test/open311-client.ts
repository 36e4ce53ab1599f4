import { afterAll, beforeAll, expect } from 'vitest'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../src/app.ts'
import { createApiKey, revokeApiKey } from '../src/api-keys/api-keys.queries.ts'
import type { Engine } from '../src/db/database.ts'
import { openTestDb, type TestDb } from './test-db.ts'
import { INSIDE, seedTestMunicipality, testConfig } from './fixtures.ts'
import { asXmlText, readSparkXml } from './spark-xml.ts'

export const BASE = '/open311/v2'
export const DAY = 86_400_000

/** A GeoReport form: a field sent once per value of an array, and not at all for an empty one. */
export type Fields = Record<string, string | string[]>

/** The form as `application/x-www-form-urlencoded`. */
export const form = (fields: Fields) => {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) p.append(k, x)
  return p.toString()
}

/** What the tests of the Open311 endpoint share; filled in by the suite's `beforeAll`. */
export interface Open311State {
  db: TestDb
  app: FastifyInstance
  municipalityId: number
  /** A deployment-wide API key, its id, one bound to the test municipality, and a revoked one. */
  key: string
  keyId: number
  boundKey: string
  revokedKey: string
}

/**
 * Opens a new database of `engine` with the test municipality and its API keys, and Trygg on it
 * (public URL https://trygg.example.se), for the suite this is called in; closes both after it.
 * Answers the shared state and the request and reading helpers of the Open311 tests.
 *
 * @example const { state, get, both } = useOpen311(engine)
 */
export function useOpen311(engine: Engine) {
  const state = {} as Open311State

  beforeAll(async () => {
    state.db = await openTestDb(engine)
    ;({ municipalityId: state.municipalityId } = await seedTestMunicipality(state.db.kysely))
    const created = await createApiKey(state.db.kysely, { name: 'Test client', municipalitySlug: null })
    state.key = created.key
    state.keyId = created.info.id
    state.boundKey = (await createApiKey(state.db.kysely, { name: 'Bound client', municipalitySlug: 'testkommun' })).key
    const revoked = await createApiKey(state.db.kysely, { name: 'Old client', municipalitySlug: null })
    state.revokedKey = revoked.key
    await revokeApiKey(state.db.kysely, revoked.info.id)
    state.app = await buildApp({ config: testConfig({ publicUrl: 'https://trygg.example.se' }), db: state.db })
  })
  afterAll(async () => {
    await state.app?.close()
    await state.db?.close()
  })

  const get = (path: string, headers: Record<string, string> = {}) => state.app.inject({ method: 'GET', url: `${BASE}/${path}`, headers })
  const post = (format: 'json' | 'xml', fields: Fields, headers: Record<string, string> = {}) =>
    state.app.inject({ method: 'POST', url: `${BASE}/requests.${format}`, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers }, payload: form(fields) })
  const pinCount = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin`.execute(state.db.kysely)).rows[0]!.n)
  /** A form that is accepted, with the deployment-wide key, changed by `over`. */
  const valid = (over: Fields = {}): Fields => ({
    api_key: state.key,
    service_code: 'lighting',
    lat: String(INSIDE.lat),
    long: String(INSIDE.lon),
    'attribute[severity]': '4',
    'attribute[times_of_day][]': ['evening', 'night'],
    ...over,
  })

  /** The JSON document of a 200 answer. */
  const json = (res: LightMyRequestResponse) => {
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    return res.json()
  }
  /** The XML document of an answer, read by the Spark convention, with its root element. */
  const xml = (res: LightMyRequestResponse, root: string, status = 200) => {
    expect(res.statusCode, res.body).toBe(status)
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8')
    const doc = readSparkXml(res.body)
    expect(doc.root).toBe(root)
    return doc.value
  }
  /** Both formats of a GET answer the same document. */
  const both = async (path: string, root: string) => {
    const j = json(await get(`${path.replace('{f}', 'json')}`))
    expect(xml(await get(path.replace('{f}', 'xml')), root)).toEqual(asXmlText(j))
    return j
  }
  /** An error list, in JSON and XML alike; returns the descriptions. */
  const refusedBoth = async (send: (f: 'json' | 'xml') => Promise<LightMyRequestResponse>, status: number) => {
    const j = await send('json')
    expect(j.statusCode, j.body).toBe(status)
    const list = j.json() as { code: number; description: string }[]
    expect(list.length).toBeGreaterThan(0)
    for (const e of list) {
      expect(Object.keys(e)).toEqual(['code', 'description'])
      expect(e.code).toBe(status)
      expect(e.description.length).toBeGreaterThan(10)
    }
    expect(xml(await send('xml'), 'errors', status)).toEqual(asXmlText(list))
    return list.map((e) => e.description).join(' ')
  }

  /** A published pin of the test municipality made `daysAgo` days ago, as an import would. */
  async function insertPin(p: { category: string; daysAgo: number; status?: string; moderation?: string; lon?: number; lat?: number; comment?: string }) {
    const at = new Date(Date.now() - p.daysAgo * DAY)
    const { rows } = await sql<{ id: number }>`
      INSERT INTO pin (municipality_id, category_id, geom, severity, times_of_day, status, moderation, comment, comment_state, source, created_at, updated_at)
      SELECT ${state.municipalityId}, c.id, ST_SetSRID(ST_MakePoint(${p.lon ?? 13.05}::float8, ${p.lat ?? 55.76}::float8), 4326), 3, 4,
             ${p.status ?? 'received'}, ${p.moderation ?? 'published'}, ${p.comment ?? null}, ${p.comment ? 'approved' : 'none'}, 'import', ${at}, ${at}
        FROM category c WHERE c.municipality_id = ${state.municipalityId} AND c.key = ${p.category}
      RETURNING id`.execute(state.db.kysely)
    return rows[0]!.id
  }

  return { state, get, post, pinCount, valid, json, xml, both, refusedBoth, insertPin }
}
