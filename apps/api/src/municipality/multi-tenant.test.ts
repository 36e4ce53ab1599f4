import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { Polygon } from 'geojson'
import { XMLParser } from 'fast-xml-parser'
import { solveChallenge } from 'altcha-lib/v1'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { TEST_BBOX, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { createStaff, login, type StaffAgent } from '../../test/staff.ts'
import { createCampaign, createMunicipality } from './municipality.setup.ts'

/** Grannby overlaps the east of the test municipality (13.0–13.2, 55.75–55.85) and reaches beyond it. */
const GRANNBY: Polygon = {
  type: 'Polygon',
  coordinates: [[[13.15, 55.8], [13.35, 55.8], [13.35, 55.9], [13.15, 55.9], [13.15, 55.8]]],
}
const GRANNBY_BBOX = '13.15,55.8,13.35,55.9'
const ONLY_A = { lat: 55.78, lon: 13.05 }
const ONLY_B = { lat: 55.88, lon: 13.3 }
const BOTH = { lat: 55.82, lon: 13.17 }
const B = '/k/grannby'

/** The test municipality (the default) and Grannby with its own campaign and categories; Grannby's id. */
async function seedTwo(db: TestDb): Promise<number> {
  await seedTestMunicipality(db.kysely)
  const grannby = await createMunicipality(db.kysely, { slug: 'grannby', name: 'Grannby', boundary: GRANNBY })
  await createCampaign(db.kysely, { municipalityId: grannby, kind: 'continuous', name: 'Grannbys synpunkter', startsAt: new Date('2020-01-01T00:00:00Z'), endsAt: null })
  // Grannby's own categories: no littering there, and its own name for lighting.
  await db.kysely.updateTable('category').set({ active: false }).where('municipality_id', '=', grannby).where('key', '=', 'littering').execute()
  await db.kysely.updateTable('category').set({ label_sv: 'Gatubelysning i Grannby' }).where('municipality_id', '=', grannby).where('key', '=', 'lighting').execute()
  return grannby
}

describe.each(ENGINES)('several municipalities in one deployment on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let plannerB: StaffAgent

  beforeAll(async () => {
    db = await openTestDb(engine)
    const grannby = await seedTwo(db)
    app = await buildApp({ config: testConfig({ municipality: 'testkommun' }), db })
    plannerB = await login(app, await createStaff(db.kysely, grannby, 'planner'))
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  const mark = (prefix: string, at: { lat: number; lon: number }, category = 'lighting') =>
    app.inject({ method: 'POST', url: `${prefix}/api/pins`, payload: { ...at, category, severity: 3, timesOfDay: ['evening'] } })
  const listed = async (prefix: string, bbox: string) => {
    const res = await app.inject(`${prefix}/api/pins/list?bbox=${bbox}`)
    expect(res.statusCode).toBe(200)
    return res.json().items.map((p: { id: number }) => p.id) as number[]
  }
  const clustered = async (prefix: string, bbox: string) => {
    const res = await app.inject(`${prefix}/api/pins/clusters?bbox=${bbox}&zoom=18`)
    expect(res.statusCode).toBe(200)
    return res.json().features.map((f: { properties: { id?: number } }) => f.properties.id) as number[]
  }

  it("serves each municipality's name, boundary, categories and campaign under its prefix, the default one at /", async () => {
    const a = (await app.inject('/api/config')).json()
    const b = (await app.inject(`${B}/api/config`)).json()
    expect(a.municipality).toMatchObject({ slug: 'testkommun', name: 'Testkommun' })
    expect(b.municipality).toMatchObject({ slug: 'grannby', name: 'Grannby', boundary: { geometry: { type: 'MultiPolygon', coordinates: [GRANNBY.coordinates] } } })
    expect(b.campaign).toMatchObject({ name: 'Grannbys synpunkter' })
    expect(a.categories.map((c: { key: string }) => c.key)).toContain('littering')
    expect(b.categories.map((c: { key: string }) => c.key)).not.toContain('littering')
    expect(b.categories.find((c: { key: string }) => c.key === 'lighting').labelSv).toBe('Gatubelysning i Grannby')
    expect((await app.inject('/k/testkommun/api/config')).json().municipality.name).toBe('Testkommun')
  })

  it("keeps a pin posted under /k/<slug>/ in that municipality's map and list only", async () => {
    const b = await mark(B, BOTH)
    expect(b.statusCode).toBe(201)
    const a = await mark('', BOTH)
    expect(a.statusCode).toBe(201)
    const [idB, idA] = [b.json().id as number, a.json().id as number]
    expect(await clustered(B, GRANNBY_BBOX)).toContain(idB)
    expect(await clustered(B, GRANNBY_BBOX)).not.toContain(idA)
    expect(await clustered('', TEST_BBOX)).toContain(idA)
    expect(await clustered('', TEST_BBOX)).not.toContain(idB)
    expect(await listed(B, GRANNBY_BBOX)).toEqual([idB])
    expect(await listed('', TEST_BBOX)).not.toContain(idB)
    expect((await app.inject(`${B}/api/pins/${idB}`)).statusCode).toBe(200)
    expect((await app.inject(`/api/pins/${idB}`)).statusCode).toBe(404)
    expect((await app.inject(`${B}/api/pins/${idA}`)).statusCode).toBe(404)
  })

  it("refuses a place outside the prefix's municipality and a category it does not use", async () => {
    const outside = await mark(B, ONLY_A)
    expect(outside.statusCode).toBe(422)
    expect(outside.json()).toMatchObject({ code: 'PIN_OUTSIDE_BOUNDARY' })
    expect(outside.json().message).toContain('Grannby')
    expect((await mark('', ONLY_B)).json()).toMatchObject({ code: 'PIN_OUTSIDE_BOUNDARY' })
    expect((await mark(B, ONLY_B, 'littering')).json()).toMatchObject({ code: 'UNKNOWN_CATEGORY' })
    expect((await mark(B, ONLY_B)).statusCode).toBe(201)
    expect((await mark('', ONLY_A, 'littering')).statusCode).toBe(201)
  })

  it('reads and deletes through a follow token only under the municipality the pin belongs to', async () => {
    const { followToken } = (await mark(B, ONLY_B)).json()
    expect((await app.inject(`/api/follow/${followToken}`)).statusCode).toBe(404)
    expect((await app.inject(`/k/testkommun/api/follow/${followToken}`)).statusCode).toBe(404)
    expect((await app.inject({ method: 'DELETE', url: `/api/follow/${followToken}` })).statusCode).toBe(404)
    expect((await app.inject(`${B}/api/follow/${followToken}`)).statusCode).toBe(200)
    const fromA = (await mark('', ONLY_A)).json().followToken
    expect((await app.inject(`${B}/api/follow/${fromA}`)).statusCode).toBe(404)
    expect((await app.inject(`/api/follow/${fromA}`)).statusCode).toBe(200)
  })

  it("publishes each municipality's results and feed under its own prefix", async () => {
    const created = await plannerB.inject({
      method: 'POST',
      url: '/api/staff/actions',
      payload: { title: 'Ny belysning i Grannby', focusArea: 'public_space', organisation: 'municipality', isPublic: true, status: 'done' },
    })
    expect(created.statusCode).toBe(201)
    const id = created.json().id as number
    const ids = (res: { json: () => { items: { id: number }[] } }) => res.json().items.map((i) => i.id)
    expect(ids(await app.inject(`${B}/api/results`))).toEqual([id])
    expect(ids(await app.inject('/api/results'))).not.toContain(id)

    const feed = await app.inject(`${B}/api/results/feed.atom`)
    expect(feed.statusCode).toBe(200)
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(feed.body).feed
    expect(doc.id).toBe('tag:localhost,2026:grannby:results')
    expect(doc.link.map((l: Record<string, string>) => l['@_href'])).toEqual(['http://localhost:80/k/grannby/api/results/feed.atom', 'http://localhost:80/k/grannby/resultat'])
    expect(doc.entry.map((e: { id: string }) => e.id)).toEqual([`tag:localhost,2026:grannby:action-item:${id}`])
    expect((await app.inject('/api/results/feed.atom')).body).not.toContain('Ny belysning i Grannby')
  })

  it('answers 404 with a clear message for an unknown or malformed municipality, on every API route', async () => {
    for (const url of ['/k/nowhere/api/config', '/k/nowhere/api/pins/clusters?bbox=13,55,14,56&zoom=10', '/k/nowhere/api/health', '/k/Bad_Slug/api/config', '/k//api/config', '/k/%E0%A4%A/api/config']) {
      const res = await app.inject(url)
      expect(res.statusCode, url).toBe(404)
      expect(res.json(), url).toMatchObject({ code: 'NOT_FOUND' })
    }
    const res = await app.inject({ method: 'POST', url: '/k/nowhere/api/pins', payload: { ...ONLY_B, category: 'lighting', severity: 3, timesOfDay: ['evening'] } })
    expect(res.json()).toMatchObject({ statusCode: 404, message: 'No municipality has the address /k/nowhere/.', messageSv: 'Kommunen /k/nowhere/ finns inte.' })
  })

  it('names the municipality from the prefix on Open311, where a jurisdiction_id still wins', async () => {
    const services = await app.inject('/open311/v2/services.json')
    expect(services.statusCode).toBe(400)
    expect((await app.inject(`${B}/open311/v2/services.json`)).statusCode).toBe(200)
    const requests = await app.inject(`${B}/open311/v2/requests.json`)
    expect(requests.statusCode).toBe(200)
    const ids = requests.json().map((r: { service_request_id: string }) => Number(r.service_request_id))
    expect(ids.length).toBeGreaterThan(0)
    expect(await listed(B, GRANNBY_BBOX)).toEqual(expect.arrayContaining(ids))
    expect((await app.inject('/k/nowhere/open311/v2/services.json')).statusCode).toBe(404)
    const discovery = (await app.inject(`${B}/open311/v2/discovery.json`)).json()
    expect(discovery.endpoints[0].url).toBe('http://localhost:80/k/grannby/open311/v2')
  })

  it("keeps a staff account to its own municipality's data whatever prefix it calls under", async () => {
    const own = (await plannerB.inject({ url: '/api/staff/actions' })).json().items.map((i: { title: string }) => i.title)
    const viaA = (await plannerB.inject({ url: '/k/testkommun/api/staff/actions' })).json().items.map((i: { title: string }) => i.title)
    expect(own).toEqual(['Ny belysning i Grannby'])
    expect(viaA).toEqual(own)
  })

  it("runs a physical walk on the walk's own municipality's site: page path, walk data and observations", async () => {
    const planned = await plannerB.inject({
      method: 'POST',
      url: '/api/staff/walks',
      payload: {
        name: 'Kvällsvandring i Grannby',
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        route: { type: 'LineString', coordinates: [[13.28, 55.87], [13.3, 55.88]] },
        meetingPoint: { type: 'Point', coordinates: [13.28, 55.87] },
      },
    })
    expect(planned.statusCode).toBe(201)
    const { code, path } = planned.json()
    expect(path).toBe(`${B}/walk/${code}`)
    expect((await app.inject(`${B}/api/walks/${code}`)).json().name).toBe('Kvällsvandring i Grannby')
    expect((await app.inject(`/api/walks/${code}`)).statusCode).toBe(404)

    const observation = { ...ONLY_B, category: 'lighting', severity: 4, timesOfDay: ['evening'], participants: 6, clientId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' }
    expect((await app.inject({ method: 'POST', url: `/api/walks/${code}/observations`, payload: observation })).statusCode).toBe(404)
    const recorded = await app.inject({ method: 'POST', url: `${B}/api/walks/${code}/observations`, payload: observation })
    expect(recorded.statusCode).toBe(201)
    expect(await listed(B, GRANNBY_BBOX)).toContain(recorded.json().id)
    expect(await listed('', TEST_BBOX)).not.toContain(recorded.json().id)
  })
})

describe.each(ENGINES)('abuse protection under a municipality prefix on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance

  beforeAll(async () => {
    db = await openTestDb(engine)
    await seedTwo(db)
    app = await buildApp({ config: testConfig({ antibot: true, antibotSecret: 'a-test-secret-that-is-long-enough-for-hmac', rateLimitPerMin: 4 }), db })
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  const valid = { ...ONLY_B, category: 'lighting', severity: 2, timesOfDay: ['day'] }
  async function solved(): Promise<string> {
    const c = (await app.inject(`${B}/api/challenge`)).json()
    const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise
    return Buffer.from(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: solution!.number, salt: c.salt, signature: c.signature })).toString('base64')
  }
  const post = (url: string, altcha?: string, address = '203.0.113.7') =>
    app.inject({ method: 'POST', url, payload: { ...valid, ...(altcha ? { altcha } : {}) }, remoteAddress: address })

  it('asks the same proof-of-work, takes each proof once, and counts writes per address whatever the prefix', async () => {
    expect((await post(`${B}/api/pins`)).json()).toMatchObject({ code: 'ANTIBOT_FAILED' })
    const altcha = await solved()
    expect((await post(`${B}/api/pins`, altcha)).statusCode).toBe(201)
    expect((await post(`${B}/api/pins`, altcha)).json()).toMatchObject({ code: 'ANTIBOT_FAILED', fields: [{ field: 'altcha', message: 'was already used' }] })
    // Four writes a minute from one address: the fifth is refused under either address of the route.
    expect((await post('/api/pins')).statusCode).toBe(403)
    expect((await post(`${B}/api/pins`)).json()).toMatchObject({ code: 'RATE_LIMITED' })
    expect((await post('/api/pins')).json()).toMatchObject({ code: 'RATE_LIMITED' })
    expect((await post(`${B}/api/pins`, undefined, '203.0.113.8')).json()).toMatchObject({ code: 'ANTIBOT_FAILED' })
  })
})
