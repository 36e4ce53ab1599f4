import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { STAFF_ROLES, type StaffRole } from '@trygg/domain'
import { buildApp } from '../app.ts'
import { createApiKey } from '../api-keys/api-keys.queries.ts'
import { insertControl } from '../police/controls.queries.ts'
import { insertSnapshot } from '../police/snapshots.queries.ts'
import { insertPinInsideBoundary, newFollowToken } from '../pins/pins.queries.ts'
import { png } from '../../test/photo-fixtures.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { createCampaign } from '../municipality/municipality.setup.ts'
import { INJECT_ORIGIN, createStaff, login, type StaffAgent, type TestStaff } from '../../test/staff.ts'
import type { GuardedRoute } from './guarded-routes.ts'
import type { Samples, SampleContext, Tenant } from '../../test/access-samples.ts'
import { accountsSamples } from '../accounts/accounts.access.ts'
import { actionsSamples } from '../actions/actions.access.ts'
import { administrationSamples } from '../administration/administration.access.ts'
import { apiKeysSamples } from '../api-keys/api-keys.access.ts'
import { auditSamples } from '../audit/audit.access.ts'
import { backgroundSamples } from '../background/background.access.ts'
import { followUpSamples } from '../follow-up/follow-up.access.ts'
import { hotspotsSamples } from '../hotspots/hotspots.access.ts'
import { importsSamples } from '../imports/imports.access.ts'
import { moderationSamples } from '../moderation/moderation.access.ts'
import { photosSamples } from '../photos/photos.access.ts'
import { pinExportSamples } from '../pin-export/pin-export.access.ts'
import { pinStatusSamples } from '../pin-status/pin-status.access.ts'
import { statisticsSamples } from '../statistics/statistics.access.ts'
import { walksSamples } from '../walks/walks.access.ts'
import { CONTROL, policeSamples } from '../police/police.access.ts'

/**
 * One sample per staff route. A route without one fails the matrix test: adding a staff route
 * means saying in its feature's `<feature>.access.ts` how it is used and how it stays within
 * its municipality.
 */
const FEATURE_SAMPLES: Samples[] = [
  moderationSamples,
  photosSamples,
  backgroundSamples,
  auditSamples,
  accountsSamples,
  apiKeysSamples,
  administrationSamples,
  walksSamples,
  hotspotsSamples,
  pinExportSamples,
  importsSamples,
  actionsSamples,
  followUpSamples,
  statisticsSamples,
  policeSamples,
  pinStatusSamples,
]
const SAMPLES: Samples = Object.assign({}, ...FEATURE_SAMPLES)

const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`

describe.each(ENGINES)('staff routes: roles and municipalities on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let ctx: SampleContext
  const staff: Record<Tenant, Partial<Record<StaffRole, TestStaff>>> = { A: {}, B: {} }
  const agents: Record<Tenant, Partial<Record<StaffRole, StaffAgent>>> = { A: {}, B: {} }
  let routes: readonly GuardedRoute[]
  let appB: FastifyInstance
  let photoDir: string

  beforeAll(async () => {
    db = await openTestDb(engine)
    const a = await seedTestMunicipality(db.kysely, 'kommun-a', 'Kommun A')
    const b = await seedTestMunicipality(db.kysely, 'kommun-b', 'Kommun B')
    const municipality = { A: a.municipalityId, B: b.municipalityId }
    const lighting = async (m: number) =>
      (await db.kysely.selectFrom('category').select('id').where('municipality_id', '=', m).where('key', '=', 'lighting').executeTakeFirstOrThrow()).id
    const categories = { A: await lighting(municipality.A), B: await lighting(municipality.B) }
    const speedingOf = async (m: number) =>
      (await db.kysely.selectFrom('category').select('id').where('municipality_id', '=', m).where('key', '=', 'speeding').executeTakeFirstOrThrow()).id
    const speeding = { A: await speedingOf(municipality.A), B: await speedingOf(municipality.B) }
    let accountSeq = 0
    ctx = {
      municipality,
      db,
      async pendingPin(t) {
        const pin = { ...INSIDE, category: 'lighting', severity: 3, timesOfDay: ['night' as const], comment: `Kommentar i ${t}` }
        return (await insertPinInsideBoundary(db.kysely, { municipalityId: municipality[t], categoryId: categories[t], campaignId: null, pin, source: 'web', followTokenHash: null }))!
      },
      async account(t) {
        return (await createStaff(db.kysely, municipality[t], 'police', { email: `police-${t}-${++accountSeq}@trygg.test` })).id
      },
      async campaign(t) {
        return createCampaign(db.kysely, { municipalityId: municipality[t], kind: 'digital', name: 'Kampanj', startsAt: new Date('2027-01-01T00:00:00Z'), endsAt: new Date('2027-02-01T00:00:00Z') })
      },
      async category(t) {
        const row = await db.kysely
          .insertInto('category')
          .values({ municipality_id: municipality[t], key: `c${++accountSeq}`, label_sv: 'Kategori', label_en: 'Category', group_key: 'other', sensitive: false, active: true, sort_order: 99 })
          .returning('id')
          .executeTakeFirstOrThrow()
        return row.id
      },
      async actionItem(t) {
        const at = new Date('2026-01-01T00:00:00Z')
        const row = await db.kysely
          .insertInto('action_item')
          .values({ municipality_id: municipality[t], title: `Åtgärd i ${t}`, focus_area_key: 'traffic', organisation_key: 'property_owner', partner_organisation: 'Testbostäder', created_at: at, updated_at: at })
          .returning('id')
          .executeTakeFirstOrThrow()
        return row.id
      },
      async apiKey(t) {
        return (await createApiKey(db.kysely, { name: `Nyckel ${t}`, municipalityId: municipality[t] })).info.id
      },
      async trafficPins(t) {
        for (const d of [0, 0.0001, 0.0002]) {
          const pin = { lat: INSIDE.lat + d, lon: INSIDE.lon, category: 'speeding', severity: 4, timesOfDay: ['evening' as const] }
          await insertPinInsideBoundary(db.kysely, { municipalityId: municipality[t], categoryId: speeding[t], campaignId: null, pin, source: 'web', followTokenHash: null })
        }
      },
      async control(t) {
        const at = new Date('2026-02-21T10:00:00Z')
        return insertControl(db.kysely, municipality[t], { ...CONTROL, place: { ...CONTROL.place, coordinates: [...CONTROL.place.coordinates] }, notes: null, area: null, actionItemId: null }, await ctx.account(t), at)
      },
      async snapshot(t) {
        const diff = { previousId: null, counts: { new: 0, grown: 0, shrunk: 0, unchanged: 0, gone: 0 }, changes: [] }
        const parameters = { eps: 75, minPoints: 3, categories: ['speeding'], from: null, to: null }
        return insertSnapshot(db.kysely, { municipalityId: municipality[t], name: `Lägesbild ${t}`, takenAt: new Date(), createdBy: await ctx.account(t), previousId: null, parameters, areas: [], controls: [], diff })
      },
      async pendingPhoto(t) {
        const follow = newFollowToken()
        const pin = { ...INSIDE, category: 'lighting', severity: 3, timesOfDay: ['night' as const] }
        const id = (await insertPinInsideBoundary(db.kysely, { municipalityId: municipality[t], categoryId: categories[t], campaignId: null, pin, source: 'web', followTokenHash: follow.hash }))!
        const slug = t === 'A' ? 'kommun-a' : 'kommun-b'
        const served = slug === 'kommun-a' ? app : appB
        const res = await served.inject({ method: 'POST', url: `/api/pins/${id}/photo`, payload: await png(32, 32), headers: { 'content-type': 'image/png', 'x-follow-token': follow.token } })
        expect(res.statusCode).toBe(201)
        return id
      },
    }
    photoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-staff-access-photos-'))
    app = await buildApp({ config: testConfig({ photoDir, municipality: 'kommun-a' }), db })
    appB = await buildApp({ config: testConfig({ photoDir, municipality: 'kommun-b' }), db })
    routes = app.guardedRoutes
    for (const t of ['A', 'B'] as const) {
      for (const role of STAFF_ROLES) {
        staff[t][role] = await createStaff(db.kysely, municipality[t], role, { email: `${role}@${t.toLowerCase()}.trygg.test` })
        agents[t][role] = await login(app, staff[t][role]!)
      }
      await ctx.pendingPin(t)
      if (t === 'B') {
        for (let i = 0; i < 6; i++) {
          const id = await ctx.pendingPin(t)
          await db.kysely.insertInto('pin_background').values({ municipality_id: municipality.B, pin_id: id, age_band: null, gender: 'man' }).execute()
        }
      }
      // B gets audit entries of its own: a decision by its moderator.
      const id = await ctx.pendingPin(t)
      await agents[t].moderator!.inject({ method: 'POST', url: `/api/staff/moderation/comments/${id}/approve`, payload: {} })
    }
  })
  afterAll(async () => {
    await app?.close()
    await appB?.close()
    await db?.close()
    if (photoDir) fs.rmSync(photoDir, { recursive: true, force: true })
  })

  it('knows every staff route, with the roles its OpenAPI operation declares, and a sample for each', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(8)
    const doc = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, { 'x-roles'?: string[]; security?: unknown }>> }
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      /^\/api\/(staff|police|partner)(\/|$)/.test(path) ? Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), url: path, roles: op['x-roles'] })) : [],
    )
    const registered = routes.map((r) => ({ method: r.method, url: r.url.replace(/:(\w+)/g, '{$1}'), roles: [...r.roles] }))
    expect(documented.sort((x, y) => routeKey(x).localeCompare(routeKey(y)))).toEqual(registered.sort((x, y) => routeKey(x).localeCompare(routeKey(y))))
    expect(routes.map(routeKey).filter((k) => !SAMPLES[k])).toEqual([])
    // Exactly one sample per route across the features' files: none twice, none left over.
    expect(FEATURE_SAMPLES.flatMap((samples) => Object.keys(samples)).sort()).toEqual(routes.map(routeKey).sort())
  })

  it('refuses to register a staff route that declares no roles', async () => {
    const other = await buildApp({ config: testConfig(), db })
    expect(() => other.get('/api/staff/forgotten', async () => 'x')).toThrow(/declares no roles/)
    expect(() => other.get('/api/police/forgotten', { config: { roles: [] } }, async () => 'x')).toThrow(/declares no roles/)
    expect(() => other.get('/api/partner/forgotten', { config: { roles: ['guest' as StaffRole] } }, async () => 'x')).toThrow(/unknown roles/)
    await other.close()
  })

  it.each(['anonymous', ...STAFF_ROLES] as const)('answers %s on every staff route: 401, 403 or 2xx as declared, never cached', async (caller) => {
    const expected: Record<string, string> = {}
    const actual: Record<string, string> = {}
    for (const route of routes) {
      const key = routeKey(route)
      const sample = await SAMPLES[key]!.request(ctx, 'A')
      const options = { method: route.method as 'GET', url: sample.url ?? route.url, ...(sample.payload ? { payload: sample.payload } : {}) }
      const res = caller === 'anonymous' ? await app.inject({ ...options, headers: { origin: INJECT_ORIGIN } }) : await agents.A[caller]!.inject(options)
      expected[key] = caller === 'anonymous' ? '401' : route.roles.includes(caller) ? '2xx' : '403'
      actual[key] = res.statusCode >= 200 && res.statusCode < 300 ? '2xx' : String(res.statusCode)
      if (actual[key] === '403') expect(res.json().code).toBe('FORBIDDEN')
      expect([key, res.headers['cache-control']]).toEqual([key, 'no-store'])
    }
    expect(actual).toEqual(expected)
    console.log(`${caller}: ${routes.length} staff routes checked`)
  })

  it('refuses every state-changing staff route without the CSRF token or from another origin', async () => {
    const changing = routes.filter((r) => r.method !== 'GET')
    expect(changing.length).toBeGreaterThan(0)
    for (const route of changing) {
      const role = route.roles[0]!
      const a = agents.A[role]!
      for (const headers of [{ cookie: a.cookie, origin: INJECT_ORIGIN }, { cookie: a.cookie, origin: 'https://evil.example', 'x-csrf-token': a.csrf }]) {
        const sample = await SAMPLES[routeKey(route)]!.request(ctx, 'A')
        const res = await app.inject({ method: route.method as 'POST', url: sample.url ?? route.url, payload: sample.payload ?? {}, headers })
        expect([routeKey(route), res.statusCode, res.json().code]).toEqual([routeKey(route), 403, 'CSRF_REJECTED'])
      }
    }
  })

  it("keeps every staff route within the caller's municipality", async () => {
    for (const route of routes) {
      const sample = SAMPLES[routeKey(route)]!
      const request = await sample.request(ctx, 'B')
      const targetId = Number(/\/(\d+)(\/|$)/.exec(request.url ?? '')?.[1]) || undefined
      for (const role of route.roles) {
        const again = role === route.roles[0] ? request : await sample.request(ctx, 'B')
        const id = Number(/\/(\d+)(\/|$)/.exec(again.url ?? '')?.[1]) || targetId
        const res = await agents.A[role]!.inject({ method: route.method as 'GET', url: again.url ?? route.url, ...(again.payload ? { payload: again.payload } : {}) })
        await sample.isolated(ctx, res, { id })
      }
    }
  })
})
