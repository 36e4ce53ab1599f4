import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { createStaff, login, type StaffAgent } from '../../test/staff.ts'

const root = path.resolve(import.meta.dirname, '../../../..')

/** A square of `half` degrees around (lon, lat), closed. */
const square = (lon: number, lat: number, half: number) => [
  [
    [lon - half, lat - half],
    [lon + half, lat - half],
    [lon + half, lat + half],
    [lon - half, lat + half],
    [lon - half, lat - half],
  ],
]

describe.each(ENGINES)('municipality administration on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let admin: StaffAgent
  let planner: StaffAgent
  let police: StaffAgent
  let municipalityId: number

  const audit = (entityType: string) =>
    db.kysely.selectFrom('audit_log').select(['action', 'entity_id', 'actor_email']).where('entity_type', '=', entityType).where('municipality_id', '=', municipalityId).orderBy('id').execute()

  beforeAll(async () => {
    db = await openTestDb(engine)
    municipalityId = (await seedTestMunicipality(db.kysely)).municipalityId
    app = await buildApp({ config: testConfig(), db })
    admin = await login(app, await createStaff(db.kysely, municipalityId, 'admin'))
    planner = await login(app, await createStaff(db.kysely, municipalityId, 'planner'))
    police = await login(app, await createStaff(db.kysely, municipalityId, 'police'))
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  describe('campaigns', () => {
    it('lets planners create a walk that then shows on the public map and takes new pins', async () => {
      const now = Date.now()
      const res = await planner.inject({
        method: 'POST',
        url: '/api/staff/campaigns',
        payload: { kind: 'digital', name: ' Höstens vandring ', startsAt: new Date(now - 3_600_000).toISOString(), endsAt: new Date(now + 7 * 86_400_000).toISOString() },
      })
      expect(res.statusCode, res.body).toBe(201)
      const walk = res.json()
      expect(walk).toMatchObject({ kind: 'digital', name: 'Höstens vandring', pinCount: 0 })
      expect((await app.inject('/api/config')).json().campaign).toMatchObject({ id: walk.id, name: 'Höstens vandring' })
      const pin = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...INSIDE, category: 'lighting', severity: 3, timesOfDay: ['night'] } })
      expect(pin.statusCode).toBe(201)
      const listed = (await police.inject({ url: '/api/staff/campaigns' })).statusCode
      expect(listed).toBe(403)
      const campaigns = (await planner.inject({ url: '/api/staff/campaigns' })).json().campaigns
      expect(campaigns.find((c: { id: number }) => c.id === walk.id).pinCount).toBe(1)

      const ended = await planner.inject({ method: 'PATCH', url: `/api/staff/campaigns/${walk.id}`, payload: { endsAt: new Date(now - 60_000).toISOString() } })
      expect(ended.statusCode, ended.body).toBe(200)
      expect((await app.inject('/api/config')).json().campaign?.id).not.toBe(walk.id)
      expect((await audit('campaign')).map((a) => a.action)).toEqual(['campaign.create', 'campaign.change'])
    })

    it.each([
      ['an end before the start', { kind: 'digital', name: 'x', startsAt: '2026-05-02T00:00:00Z', endsAt: '2026-05-01T00:00:00Z' }, /endsAt/],
      ['an open end for a walk', { kind: 'walk', name: 'x', startsAt: '2026-05-02T00:00:00Z', endsAt: null }, /endsAt/],
      ['an unknown kind', { kind: 'survey', name: 'x', startsAt: '2026-05-02T00:00:00Z', endsAt: null }, /kind/],
      ['a blank name', { kind: 'continuous', name: '  ', startsAt: '2026-05-02T00:00:00Z', endsAt: null }, /name/],
      ['a bad date', { kind: 'continuous', name: 'x', startsAt: 'igår', endsAt: null }, /startsAt/],
    ])('refuses %s with 400 and stores nothing', async (_name, payload, field) => {
      const before = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM campaign`.execute(db.kysely)).rows[0]!.n
      const res = await planner.inject({ method: 'POST', url: '/api/staff/campaigns', payload })
      expect(res.statusCode).toBe(400)
      expect(JSON.stringify(res.json())).toMatch(field)
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM campaign`.execute(db.kysely)).rows[0]!.n).toBe(before)
    })

    it('answers 404 for an unknown campaign and 400 for an empty change', async () => {
      expect((await planner.inject({ method: 'PATCH', url: '/api/staff/campaigns/999999', payload: { name: 'x' } })).statusCode).toBe(404)
      const campaigns = (await planner.inject({ url: '/api/staff/campaigns' })).json().campaigns
      expect((await planner.inject({ method: 'PATCH', url: `/api/staff/campaigns/${campaigns[0].id}`, payload: {} })).statusCode).toBe(400)
    })
  })

  describe('categories', () => {
    it('lets admins add a category residents can then choose, and retire it', async () => {
      const res = await admin.inject({ method: 'POST', url: '/api/staff/categories', payload: { key: 'snow', labelSv: 'Dålig snöröjning', labelEn: 'Poor snow clearing', group: 'physical' } })
      expect(res.statusCode, res.body).toBe(201)
      const snow = res.json()
      expect(snow).toMatchObject({ key: 'snow', sensitive: false, active: true })
      const all = (await admin.inject({ url: '/api/staff/categories' })).json().categories
      expect(all.at(-1).key).toBe('snow')
      expect((await app.inject('/api/config')).json().categories.map((c: { key: string }) => c.key)).toContain('snow')
      const pin = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...INSIDE, category: 'snow', severity: 2, timesOfDay: ['morning'] } })
      expect(pin.statusCode).toBe(201)

      const retired = await admin.inject({ method: 'PATCH', url: `/api/staff/categories/${snow.id}`, payload: { active: false, labelEn: 'Snow clearing' } })
      expect(retired.json()).toMatchObject({ active: false, labelEn: 'Snow clearing', labelSv: 'Dålig snöröjning' })
      expect((await app.inject('/api/config')).json().categories.map((c: { key: string }) => c.key)).not.toContain('snow')
      const refused = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...INSIDE, category: 'snow', severity: 2, timesOfDay: ['morning'] } })
      expect(refused.statusCode).toBe(400)
      expect((await audit('category')).map((a) => a.action)).toEqual(['category.create', 'category.change'])
    })

    it('refuses a taken key with 409, a bad key or group with 400, and planners with 403', async () => {
      const post = (agent: StaffAgent, payload: object) => agent.inject({ method: 'POST', url: '/api/staff/categories', payload })
      expect((await post(admin, { key: 'lighting', labelSv: 'a', labelEn: 'a', group: 'physical' })).statusCode).toBe(409)
      expect((await post(admin, { key: 'Snö', labelSv: 'a', labelEn: 'a', group: 'physical' })).statusCode).toBe(400)
      expect((await post(admin, { key: 'ice', labelSv: 'a', labelEn: 'a', group: 'weather' })).statusCode).toBe(400)
      expect((await post(planner, { key: 'ice', labelSv: 'a', labelEn: 'a', group: 'physical' })).statusCode).toBe(403)
      expect((await admin.inject({ method: 'PATCH', url: '/api/staff/categories/999999', payload: { active: false } })).statusCode).toBe(404)
    })
  })

  describe('boundary', () => {
    it('replaces the boundary from a FeatureCollection, counts the pins left outside, and keeps them', async () => {
      const pins = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin WHERE municipality_id = ${municipalityId}`.execute(db.kysely)).rows[0]!.n
      expect(pins).toBeGreaterThan(0)
      const far = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square(14, 56, 0.01) } }
      const near = { type: 'Feature', properties: { name: 'ö' }, geometry: { type: 'Polygon', coordinates: square(13.5, 56, 0.01) } }
      const res = await admin.inject({ method: 'PUT', url: '/api/staff/municipality/boundary', payload: { type: 'FeatureCollection', features: [far, near] } })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toMatchObject({ parts: 2, pinsOutside: pins })
      expect(res.json().areaKm2).toBeGreaterThan(4)
      expect(res.json().areaKm2).toBeLessThan(10)
      expect((await app.inject('/api/config')).json().municipality.boundary.geometry.coordinates).toHaveLength(2)
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin WHERE municipality_id = ${municipalityId}`.execute(db.kysely)).rows[0]!.n).toBe(pins)
      const outside = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...INSIDE, category: 'lighting', severity: 3, timesOfDay: ['night'] } })
      expect(outside.statusCode).toBe(422)

      const back = await admin.inject({ method: 'PUT', url: '/api/staff/municipality/boundary', payload: { type: 'Polygon', coordinates: square(INSIDE.lon, INSIDE.lat, 0.1) } })
      expect(back.json()).toMatchObject({ parts: 1, pinsOutside: 0 })
    })

    it.each([
      ['a self-intersecting ring', { type: 'Polygon', coordinates: [[[13, 55], [13.1, 55.1], [13.1, 55], [13, 55.1], [13, 55]]] }, 422, /Self-intersection|valid/i],
      ['an open ring', { type: 'Polygon', coordinates: [[[13, 55], [13.1, 55], [13.1, 55.1], [13, 55.1]]] }, 422, /last equal to the first/],
      ['a latitude out of range', { type: 'Polygon', coordinates: [[[13, 95], [13.1, 95], [13.1, 95.1], [13, 95]]] }, 422, /latitude/],
      ['a point', { type: 'Point', coordinates: [13, 55] }, 400, /./],
    ])('refuses %s and keeps the old boundary', async (_name, payload, status, message) => {
      const before = (await app.inject('/api/config')).json().municipality.boundary
      const res = await admin.inject({ method: 'PUT', url: '/api/staff/municipality/boundary', payload })
      expect(res.statusCode).toBe(status)
      expect(JSON.stringify(res.json())).toMatch(message)
      app.invalidateTenant()
      expect((await app.inject('/api/config')).json().municipality.boundary).toEqual(before)
    })
  })

  it.runIf(engine === 'postgres')('creates a municipality and imports a boundary from the command line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-boundary-'))
    const file = path.join(dir, 'lomma.geojson')
    fs.writeFileSync(file, JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square(13.07, 55.67, 0.03) } }))
    const bad = path.join(dir, 'bad.geojson')
    fs.writeFileSync(bad, JSON.stringify({ type: 'Point', coordinates: [13, 55] }))
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/cli.ts'), ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: db.url!, TRYGG_MUNICIPALITY: '' },
        encoding: 'utf8',
      })
    const created = run('create-municipality', '--slug', 'lomma', '--name', 'Lomma', '--boundary', file)
    expect(created.status, created.stderr).toBe(0)
    expect(created.stdout).toMatch(/Created Lomma \(lomma\), \d+\.\d km²/)
    expect(run('create-municipality', '--slug', 'lomma', '--name', 'Lomma', '--boundary', file).status).toBe(1)
    const refused = run('create-municipality', '--slug', 'x', '--name', 'X', '--boundary', bad)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/bad\.geojson is not a GeoJSON Polygon/)
    expect(refused.stderr).not.toMatch(/at .*\.ts:\d+/)

    fs.writeFileSync(file, JSON.stringify({ type: 'MultiPolygon', coordinates: [square(13.07, 55.67, 0.03), square(13.2, 55.67, 0.01)] }))
    const imported = run('import-boundary', file, '--municipality', 'lomma')
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.stdout).toMatch(/Replaced the boundary of Lomma: 2 part\(s\)/)
    fs.rmSync(dir, { recursive: true })
  }, 300_000)
})
