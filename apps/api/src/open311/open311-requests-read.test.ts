import { beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createStaff, login } from '../../test/staff.ts'
import { ENGINES } from '../../test/test-db.ts'
import { INSIDE } from '../../test/fixtures.ts'
import { BASE, DAY, useOpen311 } from '../../test/open311-client.ts'

describe.each(ENGINES)('Open311 reading service requests on %s', (engine) => {
  const { state, get, json, xml, both, refusedBoth, insertPin } = useOpen311(engine)

  describe('GET Service Requests', () => {
    const ids: Record<string, number> = {}
    beforeAll(async () => {
      await sql`DELETE FROM pin`.execute(state.db.kysely)
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
      const stored = (await sql<{ at: Date }>`SELECT created_at AS at FROM pin WHERE id = ${ids.recent}`.execute(state.db.kysely)).rows[0]!.at
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
      const made = await state.app.inject({ method: 'POST', url: '/api/pins', payload: { ...INSIDE, category: 'lighting', severity: 3, timesOfDay: ['day'] } })
      expect(made.statusCode).toBe(201)
      const { id, followToken } = made.json()
      expect(await both(`tokens/${followToken}.{f}`, 'service_requests')).toEqual([{ service_request_id: id, token: followToken }])
    })

    it('answers an unknown token with 404', async () => {
      expect(await refusedBoth((f) => get(`tokens/AAAAAAAAAAAAAAAAAAAAAA.${f}`), 404)).toMatch(/token/)
      expect((await get('tokens/x.json')).statusCode).toBe(404)
    })
  })

  describe('action items', () => {
    it('show the linked public action item as status_notes and agency_responsible, and close the request when it is done', async () => {
      const id = await insertPin({ category: 'speeding', daysAgo: 2 })
      const planner = await login(state.app, await createStaff(state.db.kysely, state.municipalityId, 'planner'))
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
})
