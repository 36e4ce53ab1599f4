import { describe, expect, it } from 'vitest'
import type { HeatResult, HotspotOptions } from '@trygg/domain'
import { buildApp } from '../app.ts'
import { ENGINES } from '../../test/test-db.ts'
import { testConfig } from '../../test/fixtures.ts'
import { STAFF_ROLES, useHotspotFixture } from '../../test/hotspot-fixture.ts'

describe.each(ENGINES)('staff hotspots: access, heat, options and refused queries on %s', (engine) => {
  const { state, get } = useHotspotFixture(engine)

  describe('access', () => {
    const routes = ['/api/staff/hotspots?method=dbscan', '/api/staff/hotspots?method=gistar&cellSize=500', '/api/staff/hotspots/heat', '/api/staff/hotspots/options']

    it.each(routes)('%s: 401 without a role, 403 for other roles, 200 for planner, police and admin', async (url) => {
      expect((await state.app.inject(url)).statusCode).toBe(401)
      for (const role of ['moderator', 'partner']) expect((await get(url, role)).statusCode).toBe(403)
      for (const role of STAFF_ROLES) expect((await get(url, role)).statusCode, role).toBe(200)
    })

    it('refuses to register without access control', async () => {
      await expect(
        buildApp({ config: testConfig(), db: state.db, hotspots: { preHandler: [], resolveMunicipalityId: () => state.municipalityId } }),
      ).rejects.toThrow(/preHandler/)
    })
  })

  it('gives heat points with weights and the filter options', async () => {
    const heat = (await get(`/api/staff/hotspots/heat?campaign=${state.walk2026}&weight=severity`)).json() as HeatResult
    expect(heat.pinCount).toBe(10)
    expect(heat.points.map((p) => p[2]).sort()).toEqual([1, 2, 3, 3, 3, 4, 5, 5, 5, 5])
    const night = (await get(`/api/staff/hotspots/heat?timeOfDay=night`)).json() as HeatResult
    expect(night.points.every((p) => p[2] === 1)).toBe(true)
    expect(night.pinCount).toBe(5)

    const options = (await get('/api/staff/hotspots/options')).json() as HotspotOptions
    expect(options.campaigns.map((c) => c.id)).toEqual([state.walk2026, state.walk2025, state.continuous])
    expect(options.categories.find((c) => c.key === 'drugs')).toMatchObject({ sensitive: true, active: true })
    expect(options.timeZone).toBe('Europe/Stockholm')
    expect(options.defaults).toEqual({ eps: 50, minPoints: 5, cellSize: 100 })
  })

  it('describes its routes in the OpenAPI document', async () => {
    const doc = (await state.app.inject('/api/openapi.json')).json()
    for (const path of ['/api/staff/hotspots', '/api/staff/hotspots/heat', '/api/staff/hotspots/options']) expect(doc.paths[path]?.get, path).toBeDefined()
  })

  it.each([
    ['no method', ''],
    ['an unknown method', 'method=kmeans'],
    ['eps below the minimum', 'method=dbscan&eps=2'],
    ['eps that is not a number', 'method=dbscan&eps=ten'],
    ['minPoints 1', 'method=dbscan&minPoints=1'],
    ['a fractional minPoints', 'method=dbscan&minPoints=2.5'],
    ['cellSize below the minimum', 'method=gistar&cellSize=5'],
    ['cellSize with dbscan', 'method=dbscan&cellSize=100'],
    ['weight with dbscan', 'method=dbscan&weight=severity'],
    ['eps with gistar', 'method=gistar&eps=50'],
    ['compareTo with gistar', 'method=gistar&compareTo=1'],
    ['fdr that is not a boolean', 'method=gistar&fdr=maybe'],
    ['an unknown weight', 'method=gistar&weight=loudness'],
    ['an unknown cells choice', 'method=gistar&cells=some'],
    ['a campaign that is not a number', 'method=dbscan&campaign=abc'],
    ['an unknown campaign', 'method=dbscan&campaign=99999'],
    ['an unknown compareTo', 'method=dbscan&compareTo=99999'],
    ['an unknown category', 'method=dbscan&category=lighting,ufo'],
    ['an unknown time of day', 'method=dbscan&timeOfDay=noon'],
    ['a bad date', 'method=dbscan&from=2026-13-45'],
    ['from after to', 'method=dbscan&from=2026-05-01&to=2026-04-01'],
    ['an unknown parameter', 'method=dbscan&limit=5'],
    ['a grid too fine for the municipality', 'method=gistar&cellSize=20'],
  ])('refuses %s with 400 and field errors', async (_name, query) => {
    const res = await get(`/api/staff/hotspots?${query}`)
    expect(res.statusCode, res.body).toBe(400)
    const body = res.json()
    expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' })
    expect(body.fields.length).toBeGreaterThan(0)
  })

  it('names every offending field at once, and refuses compareTo among the selected campaigns', async () => {
    const res = await get(`/api/staff/hotspots?method=dbscan&campaign=${state.walk2026},99999&category=ufo&cellSize=100&from=2026-05-02&to=2026-05-01`)
    expect(res.statusCode).toBe(400)
    expect(res.json().fields.map((f: { field: string }) => f.field).sort()).toEqual(['campaign', 'category', 'cellSize', 'from'])
    const same = await get(`/api/staff/hotspots?method=dbscan&campaign=${state.walk2026}&compareTo=${state.walk2026}`)
    expect(same.json().fields).toEqual([{ field: 'compareTo', message: 'is one of the selected campaigns' }])
    const heat = await get('/api/staff/hotspots/heat?category=ufo&eps=3')
    expect(heat.statusCode).toBe(400)
  })
})
