import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { booleanPointInPolygon, point } from '@turf/turf'
import { DEFAULT_CATEGORIES } from '@trygg/domain'
import { buildApp } from '../app.ts'
import { createCampaign } from '../municipality/municipality.setup.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { seedTestMunicipality, testConfig } from '../../test/fixtures.ts'

describe.each(ENGINES)('GET /api/config on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let municipalityId: number

  beforeAll(async () => {
    db = await openTestDb(engine)
    ;({ municipalityId } = await seedTestMunicipality(db.kysely))
    app = await buildApp({
      config: testConfig({ map: { tileUrl: 'http://127.0.0.1:9/{z}/{x}/{y}.png', attribution: 'Test tiles', maxZoom: 18 } }),
      db,
    })
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  it('describes the municipality, its categories, the campaign and the tiles', async () => {
    const res = await app.inject('/api/config')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.municipality).toMatchObject({ slug: 'testkommun', name: 'Testkommun', timeZone: 'Europe/Stockholm', defaultZoom: 12 })
    expect(body.municipality.boundary.geometry.type).toBe('MultiPolygon')
    const { lon, lat } = body.municipality.center
    expect(booleanPointInPolygon(point([lon, lat]), body.municipality.boundary)).toBe(true)
    expect(body.categories.map((c: { key: string }) => c.key)).toEqual(DEFAULT_CATEGORIES.map((c) => c.key))
    expect(body.categories.find((c: { key: string }) => c.key === 'drugs')).toMatchObject({ labelSv: 'Narkotika', labelEn: 'Drug dealing or use', sensitive: true, group: 'order' })
    expect(body.campaign).toMatchObject({ kind: 'continuous', name: 'Löpande', endsAt: null })
    expect(body.map).toEqual({ tileUrl: 'http://127.0.0.1:9/{z}/{x}/{y}.png', attribution: 'Test tiles', maxZoom: 18 })
    expect(body.sensitiveMinCount).toBe(5)
  })

  it('prefers a running digital walk over the continuous campaign, and new pins join it', async () => {
    const now = Date.now()
    const walk = await createCampaign(db.kysely, {
      municipalityId,
      kind: 'digital',
      name: 'Trygghetsvandring nu',
      startsAt: new Date(now - 86_400_000),
      endsAt: new Date(now + 86_400_000),
    })
    const body = (await app.inject('/api/config')).json()
    expect(body.campaign).toMatchObject({ id: walk, kind: 'digital', name: 'Trygghetsvandring nu' })
    const created = await app.inject({
      method: 'POST',
      url: '/api/pins',
      payload: { lat: 55.8, lon: 13.1, category: 'moped', severity: 5, timesOfDay: ['night'] },
    })
    expect(created.statusCode).toBe(201)
    expect((await app.inject(`/api/pins/${created.json().id}`)).json().campaignId).toBe(walk)
  })

  it('leaves out inactive categories', async () => {
    await db.kysely.updateTable('category').set({ active: false }).where('key', '=', 'parking').execute()
    app.invalidateTenant()
    const keys = (await app.inject('/api/config')).json().categories.map((c: { key: string }) => c.key)
    expect(keys).not.toContain('parking')
    const res = await app.inject({ method: 'POST', url: '/api/pins', payload: { lat: 55.8, lon: 13.1, category: 'parking', severity: 2, timesOfDay: ['day'] } })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('UNKNOWN_CATEGORY')
  })
})
