import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { createStaff, login } from '../../test/staff.ts'
import { createApiKey, revokeApiKey } from '../api-keys/api-keys.queries.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, OUTSIDE, seedTestMunicipality, TEST_BBOX, testConfig } from '../../test/fixtures.ts'
import { asXmlText, readSparkXml } from '../../test/spark-xml.ts'

const BASE = '/open311/v2'
const DAY = 86_400_000
type Fields = Record<string, string | string[]>

const form = (fields: Fields) => {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) p.append(k, x)
  return p.toString()
}

describe.each(ENGINES)('Open311 GeoReport v2 on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let municipalityId: number
  let key: string
  let keyId: number
  let boundKey: string
  let revokedKey: string
  const mediaHits: string[] = []
  let mediaServer: http.Server
  let mediaUrl: string

  const get = (path: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: `${BASE}/${path}`, headers })
  const post = (format: 'json' | 'xml', fields: Fields, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: `${BASE}/requests.${format}`, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers }, payload: form(fields) })
  const pinCount = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin`.execute(db.kysely)).rows[0]!.n)
  const valid = (over: Fields = {}): Fields => ({
    api_key: key,
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

  async function insertPin(p: { category: string; daysAgo: number; status?: string; moderation?: string; lon?: number; lat?: number; comment?: string }) {
    const at = new Date(Date.now() - p.daysAgo * DAY)
    const { rows } = await sql<{ id: number }>`
      INSERT INTO pin (municipality_id, category_id, geom, severity, times_of_day, status, moderation, comment, comment_state, source, created_at, updated_at)
      SELECT ${municipalityId}, c.id, ST_SetSRID(ST_MakePoint(${p.lon ?? 13.05}::float8, ${p.lat ?? 55.76}::float8), 4326), 3, 4,
             ${p.status ?? 'received'}, ${p.moderation ?? 'published'}, ${p.comment ?? null}, ${p.comment ? 'approved' : 'none'}, 'import', ${at}, ${at}
        FROM category c WHERE c.municipality_id = ${municipalityId} AND c.key = ${p.category}
      RETURNING id`.execute(db.kysely)
    return rows[0]!.id
  }

  beforeAll(async () => {
    mediaServer = http.createServer((req, res) => {
      mediaHits.push(req.url ?? '')
      res.end('not an image')
    })
    await new Promise<void>((resolve) => mediaServer.listen(0, '127.0.0.1', resolve))
    mediaUrl = `http://127.0.0.1:${(mediaServer.address() as AddressInfo).port}/photo.jpg`
    db = await openTestDb(engine)
    ;({ municipalityId } = await seedTestMunicipality(db.kysely))
    const created = await createApiKey(db.kysely, { name: 'Test client', municipalitySlug: null })
    ;({ key } = created)
    keyId = created.info.id
    boundKey = (await createApiKey(db.kysely, { name: 'Bound client', municipalitySlug: 'testkommun' })).key
    const revoked = await createApiKey(db.kysely, { name: 'Old client', municipalitySlug: null })
    revokedKey = revoked.key
    await revokeApiKey(db.kysely, revoked.info.id)
    app = await buildApp({ config: testConfig({ publicUrl: 'https://trygg.example.se' }), db })
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
    await new Promise((resolve) => mediaServer?.close(resolve))
  })

  describe('discovery', () => {
    it('names the endpoint, its specification and formats', async () => {
      const d = await both('discovery.{f}', 'discovery')
      expect(Object.keys(d)).toEqual(['changeset', 'contact', 'key_service', 'endpoints'])
      expect(d.endpoints).toEqual([
        { specification: 'http://wiki.open311.org/GeoReport_v2', url: 'https://trygg.example.se/open311/v2', changeset: d.changeset, type: 'production', formats: ['text/xml', 'application/json'] },
      ])
      expect(Date.parse(d.changeset)).not.toBeNaN()
    })
  })

  describe('GET Service List', () => {
    it('lists one service per active category', async () => {
      const services = await both('services.{f}', 'services')
      expect(services).toHaveLength(12)
      expect(services[2]).toEqual({
        service_code: 'lighting',
        service_name: 'Dålig belysning',
        description: 'Dålig belysning.',
        metadata: true,
        type: 'realtime',
        keywords: 'Dålig belysning, Poor lighting, lighting',
        group: 'physical',
      })
      expect(services.find((s: { service_code: string }) => s.service_code === 'drugs').description).toMatch(/aldrig med exakt plats/)
      await sql`UPDATE category SET active = false WHERE municipality_id = ${municipalityId} AND key = 'parking'`.execute(db.kysely)
      try {
        const fewer = json(await get('services.json'))
        expect(fewer.map((s: { service_code: string }) => s.service_code)).not.toContain('parking')
        expect((await get('services/parking.json')).statusCode).toBe(404)
      } finally {
        await sql`UPDATE category SET active = true WHERE municipality_id = ${municipalityId} AND key = 'parking'`.execute(db.kysely)
      }
    })

    it('speaks English when asked to', async () => {
      const services = json(await get('services.json', { 'accept-language': 'en-GB,en;q=0.9' }))
      expect(services[2].service_name).toBe('Poor lighting')
    })

    it('answers application/xml to a client that accepts only that', async () => {
      const res = await get('services.xml', { accept: 'application/xml' })
      expect(res.headers['content-type']).toBe('application/xml; charset=utf-8')
      expect(readSparkXml(res.body).root).toBe('services')
    })
  })

  describe('GET Service Definition', () => {
    it('defines severity, times of day and day type', async () => {
      const def = await both('services/lighting.{f}', 'service_definition')
      expect(def.service_code).toBe('lighting')
      expect(def.attributes.map((a: { code: string }) => a.code)).toEqual(['severity', 'times_of_day', 'day_type'])
      expect(def.attributes[0]).toEqual({
        variable: true,
        code: 'severity',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: '1 (lite otrygg) till 5 (mycket otrygg)',
        order: 1,
        description: 'Hur otrygg känner du dig där?',
        values: [
          { key: 1, name: 'Lite otrygg' },
          { key: 2, name: 'Något otrygg' },
          { key: 3, name: 'Ganska otrygg' },
          { key: 4, name: 'Otrygg' },
          { key: 5, name: 'Mycket otrygg' },
        ],
      })
      expect(def.attributes[1]).toMatchObject({ datatype: 'multivaluelist', required: true, order: 2 })
      expect(def.attributes[1].values.map((v: { key: string }) => v.key)).toEqual(['morning', 'day', 'evening', 'night'])
      expect(def.attributes[2]).toMatchObject({ datatype: 'singlevaluelist', required: false, order: 3, datatype_description: null })
      expect(def.attributes[2].values.map((v: { key: string }) => v.key)).toEqual(['weekday', 'weekend', 'both'])
    })

    it('answers an unknown service with 404', async () => {
      expect(await refusedBoth((f) => get(`services/ufo.${f}`), 404)).toMatch(/service_code "ufo"/)
    })
  })

  describe('POST Service Request', () => {
    it('round trip: stores the request, reads it by id and in a list, and shows it in the clusters', async () => {
      const place = { lat: 55.8123, lon: 13.1456 }
      const before = await pinCount()
      const usesBefore = Number((await sql<{ n: number }>`SELECT use_count AS n FROM api_key WHERE id = ${keyId}`.execute(db.kysely)).rows[0]!.n)
      const res = await post(
        'json',
        valid({
          lat: String(place.lat),
          long: String(place.lon),
          'attribute[day_type]': 'weekend',
          description: 'Lampan vid gångtunneln är trasig',
          email: 'someone@example.se',
          first_name: 'Anna',
          phone: '0701234567',
          media_url: mediaUrl,
        }),
      )
      const created = json(res)
      expect(created).toHaveLength(1)
      expect(Object.keys(created[0])).toEqual(['service_request_id', 'service_notice', 'account_id'])
      expect(created[0].account_id).toBeNull()
      expect(created[0].service_notice).toMatch(/granskat/)
      const id = created[0].service_request_id as number
      expect(await pinCount()).toBe(before + 1)

      const row = (
        await sql<Record<string, unknown>>`SELECT source, severity, times_of_day, day_type, comment, comment_state, moderation, status, api_key_id, follow_token_hash
                                             FROM pin WHERE id = ${id}`.execute(db.kysely)
      ).rows[0]
      expect(row).toEqual({
        source: 'open311',
        severity: 4,
        times_of_day: 12,
        day_type: 'weekend',
        comment: 'Lampan vid gångtunneln är trasig',
        comment_state: 'pending',
        moderation: 'published',
        status: 'received',
        api_key_id: keyId,
        follow_token_hash: null,
      })
      const key = (await sql<{ n: number; last: Date | null }>`SELECT use_count AS n, last_used_at AS last FROM api_key WHERE id = ${keyId}`.execute(db.kysely)).rows[0]!
      expect(Number(key.n)).toBe(usesBefore + 1)
      expect(Date.now() - key.last!.getTime()).toBeLessThan(60_000)

      // By id, in both formats; the description waits for moderation.
      const [one] = await both(`requests/${id}.{f}`, 'service_requests')
      expect(Object.keys(one)).toEqual([
        'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible',
        'service_notice', 'requested_datetime', 'updated_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long',
      ])
      expect(one).toMatchObject({ service_request_id: id, status: 'open', service_code: 'lighting', service_name: 'Dålig belysning', description: null, status_notes: null, agency_responsible: null, address: null })
      expect(one.lat).toBeCloseTo(place.lat, 6)
      expect(one.long).toBeCloseTo(place.lon, 6)
      expect(one.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/)
      expect(Math.abs(Date.parse(one.requested_datetime) - Date.now())).toBeLessThan(60_000)

      await sql`UPDATE pin SET comment_state = 'approved' WHERE id = ${id}`.execute(db.kysely)
      const approved = json(await get(`requests/${id}.json`))[0]
      expect(approved.description).toBe('Lampan vid gångtunneln är trasig')

      // In a list, in both formats.
      const list = await both('requests.{f}', 'service_requests')
      expect(list.find((r: { service_request_id: number }) => r.service_request_id === id)).toEqual(approved)

      // In the clusters of the resident map.
      const clusters = await app.inject(`/api/pins/clusters?bbox=${TEST_BBOX}&zoom=20`)
      expect(clusters.json().features.some((f: { properties: { id?: number } }) => f.properties.id === id)).toBe(true)

      // Nothing was fetched from media_url, and none of the personal fields was kept.
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(mediaHits).toEqual([])
      const dump = JSON.stringify((await sql`SELECT * FROM pin WHERE id = ${id}`.execute(db.kysely)).rows)
      for (const kept of ['someone@example.se', 'Anna', '0701234567', '127.0.0.1']) expect(dump).not.toContain(kept)
    })

    it('answers in XML with the specification elements', async () => {
      const doc = xml(await post('xml', valid({ 'attribute[severity]': '2', 'attribute[times_of_day]': 'morning' })), 'service_requests') as Record<string, string>[]
      expect(doc).toHaveLength(1)
      expect(Object.keys(doc[0]!)).toEqual(['service_request_id', 'service_notice', 'account_id'])
      expect(doc[0]!.service_request_id).toMatch(/^\d+$/)
      expect(doc[0]!.account_id).toBe('')
    })

    it('takes a key bound to the municipality, and English notices', async () => {
      const created = json(await post('json', valid({ api_key: boundKey }), { 'accept-language': 'en' }))
      expect(created[0].service_notice).toBe('Thank you! The place is on the map now.')
    })

    it.each([
      ['no api_key', { api_key: [] as string[] }, /api_key is required/],
      ['an empty api_key', { api_key: '' }, /api_key is required/],
      ['an unknown api_key', { api_key: 'trygg_not-a-real-key' }, /Invalid api_key/],
    ])('refuses %s with 403 and stores nothing', async (_name, over, message) => {
      const before = await pinCount()
      const fields = { ...valid(), ...over } as Fields
      if (Array.isArray(fields.api_key) && !fields.api_key.length) delete fields.api_key
      expect(await refusedBoth((f) => post(f, fields), 403)).toMatch(message)
      expect(await pinCount()).toBe(before)
    })

    it('refuses a revoked api_key with 403, before reading the rest of the form', async () => {
      const before = await pinCount()
      expect(await refusedBoth((f) => post(f, { api_key: revokedKey, service_code: 'ufo' }), 403)).toMatch(/revoked on \d{4}-\d{2}-\d{2}/)
      expect(await pinCount()).toBe(before)
    })

    it.each([
      ['an unknown service', { service_code: 'ufo' }, 404, /service_code "ufo"/],
      ['a missing severity', { 'attribute[severity]': [] }, 400, /attribute\[severity\] is required/],
      ['a severity of 7', { 'attribute[severity]': '7' }, 400, /attribute\[severity\] must be one of 1, 2, 3, 4, 5/],
      ['two severities', { 'attribute[severity]': ['2', '3'] }, 400, /takes one value/],
      ['missing times of day', { 'attribute[times_of_day][]': [] }, 400, /attribute\[times_of_day\] is required/],
      ['an unknown time of day', { 'attribute[times_of_day][]': ['noon'] }, 400, /got "noon"/],
      ['an unknown day type', { 'attribute[day_type]': 'holiday' }, 400, /attribute\[day_type\] must be one of weekday, weekend, both/],
      ['an unknown attribute', { 'attribute[colour]': 'red' }, 400, /Unknown attribute "colour"/],
      ['an address instead of a position', { lat: [], long: [], address_string: 'Storgatan 1, Kävlinge' }, 400, /does not look up address_string/],
      ['no position at all', { lat: [], long: [] }, 400, /lat and long are required/],
      ['lat without long', { long: [] }, 400, /only lat was sent/],
      ['a latitude that is no number', { lat: 'north' }, 400, /lat must be number in the form/],
      ['a latitude of 91', { lat: '91' }, 400, /lat must be <= 90/],
      ['a place outside the municipality', { lat: String(OUTSIDE.lat), long: String(OUTSIDE.lon) }, 400, /outside Testkommun municipality/],
      ['an unknown field', { colour: 'red' }, 400, /colour is not allowed/],
      ['a description over 2000 characters', { description: 'x'.repeat(2001) }, 400, /at most 2000 characters/],
      ['a missing service_code', { service_code: [] }, 400, /service_code is required/],
      ['an overlong attribute value', { 'attribute[day_type]': 'x'.repeat(101) }, 400, /^attribute\[day_type\] must NOT have more than 100 characters in the form\.$/],
    ])('refuses %s and stores nothing', async (_name, over, status, message) => {
      const before = await pinCount()
      const fields: Fields = { ...valid(), ...over }
      for (const [k, v] of Object.entries(fields)) if (Array.isArray(v) && !v.length) delete fields[k]
      expect(await refusedBoth((f) => post(f, fields), status)).toMatch(message)
      expect(await pinCount()).toBe(before)
    })

    it('lists every problem of a form at once', async () => {
      const res = await post('json', valid({ 'attribute[severity]': '9', 'attribute[times_of_day][]': ['noon'], description: 'y'.repeat(2001) }))
      expect(res.statusCode).toBe(400)
      expect(res.json()).toHaveLength(3)
    })

    it('refuses a JSON body, and an api_key in the query string', async () => {
      const before = await pinCount()
      const asJson = await app.inject({ method: 'POST', url: `${BASE}/requests.json`, payload: { api_key: key, service_code: 'lighting' } })
      expect(asJson.statusCode).toBe(400)
      expect(asJson.json()[0].description).toMatch(/application\/x-www-form-urlencoded/)
      const inQuery = await app.inject({ method: 'POST', url: `${BASE}/requests.json?api_key=${key}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(valid()) })
      expect(inQuery.statusCode).toBe(400)
      expect(inQuery.json()[0].description).toMatch(/api_key is not allowed in the query string/)
      expect(await pinCount()).toBe(before)
    })
  })

  describe('GET Service Requests', () => {
    const ids: Record<string, number> = {}
    beforeAll(async () => {
      await sql`DELETE FROM pin`.execute(db.kysely)
      ids.recent = await insertPin({ category: 'lighting', daysAgo: 10, comment: 'Mörkt' })
      ids.closed = await insertPin({ category: 'speeding', daysAgo: 40, status: 'done' })
      ids.notDone = await insertPin({ category: 'speeding', daysAgo: 41, status: 'not_done' })
      ids.planned = await insertPin({ category: 'vandalism', daysAgo: 50, status: 'action_planned' })
      ids.old = await insertPin({ category: 'lighting', daysAgo: 100 })
      ids.sensitive = await insertPin({ category: 'drugs', daysAgo: 5, lon: 13.1234567, lat: 55.7654321, comment: 'Bakom skolan' })
      ids.hidden = await insertPin({ category: 'lighting', daysAgo: 3, moderation: 'hidden' })
    })
    const idsOf = (list: { service_request_id: number }[]) => list.map((r) => r.service_request_id)

    it('defaults to the most recent 90 days, newest first, published pins only', async () => {
      const list = await both('requests.{f}', 'service_requests')
      expect(idsOf(list)).toEqual([ids.sensitive, ids.recent, ids.closed, ids.notDone, ids.planned])
    })

    it('maps done and not done to closed, everything else to open', async () => {
      const list = json(await get('requests.json'))
      const status = Object.fromEntries(list.map((r: { service_request_id: number; status: string }) => [r.service_request_id, r.status]))
      expect(status).toEqual({ [ids.sensitive!]: 'open', [ids.recent!]: 'open', [ids.closed!]: 'closed', [ids.notDone!]: 'closed', [ids.planned!]: 'open' })
      expect(idsOf(json(await get('requests.json?status=closed')))).toEqual([ids.closed, ids.notDone])
      expect(idsOf(json(await get('requests.json?status=open')))).toEqual([ids.sensitive, ids.recent, ids.planned])
      expect(idsOf(json(await get('requests.json?status=open,closed')))).toHaveLength(5)
    })

    it('filters by service codes', async () => {
      expect(idsOf(json(await get('requests.json?service_code=speeding')))).toEqual([ids.closed, ids.notDone])
      expect(idsOf(json(await get('requests.json?service_code=speeding,vandalism&status=open')))).toEqual([ids.planned])
    })

    it('filters by a date range of at most 90 days, read in W3C form', async () => {
      const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().replace(/\.\d+Z$/, 'Z')
      expect(idsOf(json(await get(`requests.json?start_date=${iso(120)}&end_date=${iso(95)}`)))).toEqual([ids.old])
      expect(idsOf(json(await get(`requests.json?start_date=${iso(45)}`)))).toEqual([ids.sensitive, ids.recent, ids.closed, ids.notDone])
      // An unencoded + in the offset arrives as a space and still reads as +.
      const local = new Date(Date.now() - 45 * DAY + 2 * 3600_000).toISOString().slice(0, 19)
      expect(idsOf(json(await get(`requests.json?start_date=${local}+02:00&end_date=${iso(0)}`)))).toHaveLength(4)
    })

    it.each([
      ['too long a span', 'start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', /at most 90 days/],
      ['a date without a time zone', 'start_date=2026-05-01T10:00:00', /start_date must be a W3C date-time/],
      ['a date that does not exist', 'end_date=2026-02-30T00:00:00Z', /end_date must be a W3C date-time/],
      ['a date in words', 'start_date=yesterday', /start_date must be a W3C date-time/],
      ['an end before the start', 'start_date=2026-05-02T00:00:00Z&end_date=2026-05-01T00:00:00Z', /before start_date/],
      ['an unknown status', 'status=pending', /status must be open, closed/],
      ['an unknown service code', 'service_code=ufo', /Unknown service_code: "ufo"/],
      ['ids that are not ids', 'service_request_id=1,abc', /"abc"/],
      ['a page of 0', 'page=0', /page must be >= 1/],
      ['a page size over 1000', 'page_size=1001', /page_size must be <= 1000/],
      ['an unknown parameter', 'limit=5', /limit is not allowed in the query string/],
    ])('refuses %s with 400', async (_name, query, message) => {
      expect(await refusedBoth((f) => get(`requests.${f}?${query}`), 400)).toMatch(message)
    })

    it('takes ids over every other filter', async () => {
      const list = json(await get(`requests.json?service_request_id=${ids.old},${ids.closed},${ids.hidden},999999&status=open`))
      expect(idsOf(list)).toEqual([ids.closed, ids.old])
    })

    it('treats an empty argument as not given', async () => {
      expect(json(await get('requests.json?status=&service_code=&start_date='))).toEqual(json(await get('requests.json')))
    })

    it('pages through the result with page and page_size, linking the next page', async () => {
      const first = await get('requests.json?page_size=2&status=open,closed')
      expect(idsOf(json(first))).toEqual([ids.sensitive, ids.recent])
      expect(first.headers.link).toBe(`<${BASE}/requests.json?page_size=2&status=open%2Cclosed&page=2>; rel="next"`)
      const third = await get('requests.json?page_size=2&status=open,closed&page=3')
      expect(idsOf(json(third))).toEqual([ids.planned])
      expect(third.headers.link).toBeUndefined()
      expect(json(await get('requests.json?page_size=2&page=4'))).toEqual([])
      expect(xml(await get('requests.xml?page_size=2&page=4'), 'service_requests')).toEqual([])
    })

    it('never places a request of a sensitive category', async () => {
      const [one] = await both(`requests/${ids.sensitive}.{f}`, 'service_requests')
      expect(one).toMatchObject({ service_code: 'drugs', status: 'open', description: null })
      expect(one).not.toHaveProperty('lat')
      expect(one).not.toHaveProperty('long')
      const listed = json(await get('requests.json?service_code=drugs'))[0]
      expect(listed).toEqual(one)
      const raw = (await get(`requests/${ids.sensitive}.xml`)).body + JSON.stringify(json(await get('requests.json')))
      for (const leak of ['55.765', '13.123', 'Bakom skolan']) expect(raw).not.toContain(leak)
    })

    it('gives times in the municipality time zone with its offset', async () => {
      const [one] = json(await get(`requests/${ids.recent}.json`))
      const stored = (await sql<{ at: Date }>`SELECT created_at AS at FROM pin WHERE id = ${ids.recent}`.execute(db.kysely)).rows[0]!.at
      expect(Date.parse(one.requested_datetime)).toBe(Math.floor(stored.getTime() / 1000) * 1000)
      const offset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' }).formatToParts(stored).find((p) => p.type === 'timeZoneName')!.value
      expect(one.requested_datetime.endsWith(offset.slice(3))).toBe(true)
      expect(one.description).toBe('Mörkt')
    })
  })

  describe('GET Service Request', () => {
    it('answers an unknown, hidden or malformed id with 404', async () => {
      const hidden = await insertPin({ category: 'lighting', daysAgo: 1, moderation: 'hidden' })
      for (const id of ['999999', String(hidden), 'abc', '1.5']) {
        expect(await refusedBoth((f) => get(`requests/${id}.${f}`), 404)).toMatch(/service_request_id/)
      }
    })
  })

  describe('GET service_request_id from a token', () => {
    it("finds the pin of a resident's follow token", async () => {
      const made = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...INSIDE, category: 'lighting', severity: 3, timesOfDay: ['day'] } })
      expect(made.statusCode).toBe(201)
      const { id, followToken } = made.json()
      expect(await both(`tokens/${followToken}.{f}`, 'service_requests')).toEqual([{ service_request_id: id, token: followToken }])
    })

    it('answers an unknown token with 404', async () => {
      expect(await refusedBoth((f) => get(`tokens/AAAAAAAAAAAAAAAAAAAAAA.${f}`), 404)).toMatch(/token/)
      expect((await get('tokens/x.json')).statusCode).toBe(404)
    })
  })

  describe('errors of the endpoint', () => {
    it('answers an unknown format with 400 and an unknown method with 404, as error lists', async () => {
      const csv = await get('services.csv')
      expect(csv.statusCode).toBe(400)
      expect(readSparkXml(csv.body).value).toEqual([{ code: '400', description: 'The format must be .json or .xml.' }])
      const missing = await get('nothing.json')
      expect(missing.statusCode).toBe(404)
      expect(missing.json()[0].description).toMatch(/No GeoReport method GET \/open311\/v2\/nothing\.json/)
      expect(xml(await get('services'), 'errors', 404)).toHaveLength(1)
    })

    it('documents every route in the OpenAPI document, XML as well as JSON', async () => {
      const doc = (await app.inject('/api/openapi.json')).json()
      const paths = Object.keys(doc.paths).filter((p) => p.startsWith(BASE))
      expect(paths.sort()).toEqual(
        ['/discovery.{format}', '/requests.{format}', '/requests/{service_request_id}.{format}', '/services.{format}', '/services/{service_code}.{format}', '/tokens/{token}.{format}'].map((p) => BASE + p),
      )
      const create = doc.paths[`${BASE}/requests.{format}`].post
      expect(Object.keys(create.requestBody.content)).toEqual(['application/x-www-form-urlencoded'])
      expect(Object.keys(create.responses['200'].content)).toEqual(['application/json', 'text/xml', 'application/xml'])
      expect(create.responses['403'].content['application/xml'].schema.xml).toEqual({ name: 'errors', wrapped: true })
      expect(doc.paths[`${BASE}/services.{format}`].get.responses['200'].content['text/xml'].schema.items.xml).toEqual({ name: 'service' })
    })
  })

  describe('action items', () => {
    it('show the linked public action item as status_notes and agency_responsible, and close the request when it is done', async () => {
      const id = await insertPin({ category: 'speeding', daysAgo: 2 })
      const planner = await login(app, await createStaff(db.kysely, municipalityId, 'planner'))
      const created = await planner.inject({
        method: 'POST',
        url: '/api/staff/actions',
        payload: { title: 'Hastighetskontroller', focusArea: 'traffic', organisation: 'police', pinIds: [id], status: 'planned' },
      })
      expect(created.statusCode, created.body).toBe(201)
      // Not public yet: nothing shows.
      expect(json(await get(`requests/${id}.json`))[0]).toMatchObject({ status: 'open', status_notes: null, agency_responsible: null })

      const done = await planner.inject({ method: 'PATCH', url: `/api/staff/actions/${created.json().id}`, payload: { status: 'done', isPublic: true, publicNote: 'Fem kontroller i maj' } })
      expect(done.statusCode, done.body).toBe(200)
      const [one] = await both(`requests/${id}.{f}`, 'service_requests')
      expect(one).toMatchObject({ status: 'closed', status_notes: 'Hastighetskontroller: Fem kontroller i maj', agency_responsible: 'Polisen' })
      expect(json(await get(`requests/${id}.json`, { 'accept-language': 'en' }))[0].agency_responsible).toBe('Police')
      const listed = json(await get(`requests.json?service_request_id=${id}`))
      expect(listed[0]).toMatchObject({ status_notes: 'Hastighetskontroller: Fem kontroller i maj', agency_responsible: 'Polisen' })
    })
  })

  describe('rate limits', () => {
    it('limit writes per client address as for residents, answering 429 as an error list', async () => {
      const limited = await buildApp({ config: testConfig({ rateLimitPerMin: 2 }), db })
      try {
        const send = () =>
          limited.inject({ method: 'POST', url: `${BASE}/requests.json`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(valid()) })
        expect((await send()).statusCode).toBe(200)
        expect((await send()).statusCode).toBe(200)
        const before = await pinCount()
        const refused = await send()
        expect(refused.statusCode).toBe(429)
        expect(refused.json()[0]).toMatchObject({ code: 429 })
        expect(await pinCount()).toBe(before)
      } finally {
        await limited.close()
      }
    })
  })

  describe('jurisdictions', () => {
    it('takes the slug as jurisdiction_id and answers an unknown one with 404', async () => {
      expect(json(await get('services.json?jurisdiction_id=testkommun'))).toHaveLength(12)
      expect(await refusedBoth((f) => get(`services.${f}?jurisdiction_id=nowhere`), 404)).toMatch(/jurisdiction_id "nowhere"/)
      expect(await refusedBoth((f) => post(f, valid({ jurisdiction_id: 'nowhere' })), 404)).toMatch(/nowhere/)
    })

    it('requires jurisdiction_id once the deployment serves several municipalities', async () => {
      await seedTestMunicipality(db.kysely, 'annan', 'Annan kommun')
      expect(await refusedBoth((f) => get(`requests.${f}`), 400)).toMatch(/jurisdiction_id is required/)
      expect(await refusedBoth((f) => post(f, valid()), 400)).toMatch(/jurisdiction_id is required/)
      const ours = json(await get('requests.json?jurisdiction_id=testkommun'))
      expect(ours.length).toBeGreaterThan(0)
      expect(json(await get('requests.json?jurisdiction_id=annan'))).toEqual([])
      // A key bound to one municipality does not write to another; a deployment-wide one does.
      expect(await refusedBoth((f) => post(f, valid({ api_key: boundKey, jurisdiction_id: 'annan' })), 403)).toMatch(/not valid for the jurisdiction "annan"/)
      const made = json(await post('json', valid({ jurisdiction_id: 'annan' })))
      expect(json(await get(`requests/${made[0].service_request_id}.json?jurisdiction_id=annan`))).toHaveLength(1)
      expect((await get(`requests/${made[0].service_request_id}.json?jurisdiction_id=testkommun`)).statusCode).toBe(404)
    })
  })
})
