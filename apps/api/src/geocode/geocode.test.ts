import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { startGeocoderStandIn, type GeocoderStandIn } from '../../test/geocoder-stand-in.ts'

describe.each(ENGINES)('address search on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let standIn: GeocoderStandIn

  beforeAll(async () => {
    db = await openTestDb(engine)
    await seedTestMunicipality(db.kysely)
    standIn = await startGeocoderStandIn()
    const geocoder = { url: standIn.url, userAgent: 'Trygg-test (test@trygg.test)', attribution: 'Adressdata © OpenStreetMap-bidragsgivare' }
    app = await buildApp({ config: testConfig({ geocoder }), db })
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
    await standIn?.close()
  })

  const search = (q: string, extra = '') => app.inject(`/api/geocode?q=${encodeURIComponent(q)}${extra}`)

  it("asks the geocoder within the municipality's box, with its user agent, and answers places inside the boundary", async () => {
    const res = await search('storgatan')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.attribution).toMatch(/OpenStreetMap/)
    // The test municipality is the square 13.0–13.2 × 55.75–55.85: Lund's Storgatan is outside.
    expect(body.results.map((r: { label: string }) => r.label)).toEqual([
      'Storgatan 1, Kävlinge, Kävlinge kommun, Skåne län, Sverige',
      'Storgatan, Löddeköpinge, Kävlinge kommun, Skåne län, Sverige',
    ])
    expect(body.results[0]).toEqual({ label: expect.any(String), lat: 55.7937, lon: 13.1102, kind: 'house' })
    const sent = standIn.requests.at(-1)!
    expect(sent.userAgent).toBe('Trygg-test (test@trygg.test)')
    expect(Object.fromEntries(sent.url.searchParams)).toMatchObject({ q: 'storgatan', format: 'jsonv2', viewbox: '13,55.85,13.2,55.75', bounded: '1', 'accept-language': 'sv' })
  })

  it('reuses an answer instead of asking the geocoder again', async () => {
    const before = standIn.requests.length
    await search('kävlinge station')
    await search('kävlinge station')
    expect(standIn.requests.length).toBe(before + 1)
    expect((await search('kävlinge station')).json().results).toHaveLength(1)
  })

  it('answers nothing found with an empty list, and refuses too short or long searches', async () => {
    expect((await search('ingenstans alls')).json().results).toEqual([])
    for (const q of ['', 'a', '   ', 'x'.repeat(201)]) expect((await search(q)).statusCode).toBe(400)
    expect((await search('storgatan', '&lang=de')).statusCode).toBe(400)
  })

  it('answers 502 with a message when the geocoder fails', async () => {
    standIn.failWith(500)
    const res = await search('något annat')
    standIn.failWith(0)
    expect(res.json()).toMatchObject({ statusCode: 502, code: 'GEOCODER_UNAVAILABLE', messageSv: expect.stringMatching(/Adressökningen/) })
  })

  it('keeps to one request a second to the geocoder', async () => {
    const before = standIn.requests.length
    const started = Date.now()
    await Promise.all(['gata ett', 'gata två', 'gata tre'].map((q) => search(q)))
    expect(standIn.requests.length).toBe(before + 3)
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900)
  })

  it('answers 503 when address search is turned off', async () => {
    const off = await buildApp({ config: testConfig({ geocoder: { url: null, userAgent: 'x', attribution: 'x' } }), db })
    expect((await off.inject('/api/geocode?q=storgatan')).json()).toMatchObject({ statusCode: 503, code: 'GEOCODER_UNAVAILABLE' })
    await off.close()
  })
})
