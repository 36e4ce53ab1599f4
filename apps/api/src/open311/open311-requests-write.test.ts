import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { ENGINES } from '../../test/test-db.ts'
import { OUTSIDE, TEST_BBOX, testConfig } from '../../test/fixtures.ts'
import { readSparkXml } from '../../test/spark-xml.ts'
import { BASE, form, type Fields, useOpen311 } from '../../test/open311-client.ts'

describe.each(ENGINES)('Open311 posting service requests, and errors, on %s', (engine) => {
  const { state, get, post, pinCount, valid, json, xml, both, refusedBoth } = useOpen311(engine)
  /** A server for media_url that records what is asked of it: nothing may be. */
  const mediaHits: string[] = []
  let mediaServer: http.Server
  let mediaUrl: string

  beforeAll(async () => {
    mediaServer = http.createServer((req, res) => {
      mediaHits.push(req.url ?? '')
      res.end('not an image')
    })
    await new Promise<void>((resolve) => mediaServer.listen(0, '127.0.0.1', resolve))
    mediaUrl = `http://127.0.0.1:${(mediaServer.address() as AddressInfo).port}/photo.jpg`
  })
  afterAll(async () => {
    await new Promise((resolve) => mediaServer?.close(resolve))
  })

  describe('POST Service Request', () => {
    it('round trip: stores the request, reads it by id and in a list, and shows it in the clusters', async () => {
      const place = { lat: 55.8123, lon: 13.1456 }
      const before = await pinCount()
      const usesBefore = Number((await sql<{ n: number }>`SELECT use_count AS n FROM api_key WHERE id = ${state.keyId}`.execute(state.db.kysely)).rows[0]!.n)
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
                                             FROM pin WHERE id = ${id}`.execute(state.db.kysely)
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
        api_key_id: state.keyId,
        follow_token_hash: null,
      })
      const key = (await sql<{ n: number; last: Date | null }>`SELECT use_count AS n, last_used_at AS last FROM api_key WHERE id = ${state.keyId}`.execute(state.db.kysely)).rows[0]!
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

      await sql`UPDATE pin SET comment_state = 'approved' WHERE id = ${id}`.execute(state.db.kysely)
      const approved = json(await get(`requests/${id}.json`))[0]
      expect(approved.description).toBe('Lampan vid gångtunneln är trasig')

      // In a list, in both formats.
      const list = await both('requests.{f}', 'service_requests')
      expect(list.find((r: { service_request_id: number }) => r.service_request_id === id)).toEqual(approved)

      // In the clusters of the resident map.
      const clusters = await state.app.inject(`/api/pins/clusters?bbox=${TEST_BBOX}&zoom=20`)
      expect(clusters.json().features.some((f: { properties: { id?: number } }) => f.properties.id === id)).toBe(true)

      // Nothing was fetched from media_url, and none of the personal fields was kept.
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(mediaHits).toEqual([])
      const dump = JSON.stringify((await sql`SELECT * FROM pin WHERE id = ${id}`.execute(state.db.kysely)).rows)
      for (const kept of ['someone@example.se', 'Anna', '0701234567', '127.0.0.1']) expect(dump).not.toContain(kept)
    })

    it('answers in XML with the specification elements', async () => {
      const doc = xml(await post('xml', valid({ 'attribute[severity]': '2', 'attribute[times_of_day]': 'morning' })), 'service_requests') as Record<string, string>[]
      expect(doc).toHaveLength(1)
      expect(Object.keys(doc[0]!)).toEqual(['service_request_id', 'service_notice', 'account_id'])
      expect(doc[0]!.service_request_id).toMatch(/^\d+$/)
      expect(doc[0]!.account_id).toBe('')
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
      const asJson = await state.app.inject({ method: 'POST', url: `${BASE}/requests.json`, payload: { api_key: state.key, service_code: 'lighting' } })
      expect(asJson.statusCode).toBe(400)
      expect(asJson.json()[0].description).toMatch(/application\/x-www-form-urlencoded/)
      const inQuery = await state.app.inject({ method: 'POST', url: `${BASE}/requests.json?api_key=${state.key}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(valid()) })
      expect(inQuery.statusCode).toBe(400)
      expect(inQuery.json()[0].description).toMatch(/api_key is not allowed in the query string/)
      expect(await pinCount()).toBe(before)
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
      const doc = (await state.app.inject('/api/openapi.json')).json()
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

  describe('rate limits', () => {
    it('limit writes per client address as for residents, answering 429 as an error list', async () => {
      const limited = await buildApp({ config: testConfig({ rateLimitPerMin: 2 }), db: state.db })
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
})
