import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { point } from '@turf/turf'
import { cellCenter, gridKey } from '@trygg/geo'
import type { ClusterCollection } from '@trygg/domain'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, TEST_BBOX, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'

/** k and the coarsest zoom set away from their defaults, to show both are read from configuration. */
const K = 3
const MAX_ZOOM = 12

describe.each(ENGINES)('sensitive categories on the public map on %s, with k and the zoom limit configured', (engine) => {
  let db: TestDb
  let app: FastifyInstance

  beforeAll(async () => {
    db = await openTestDb(engine)
    await seedTestMunicipality(db.kysely)
    app = await buildApp({ config: testConfig({ sensitiveMinCount: K, sensitiveMaxZoom: MAX_ZOOM }), db })
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  const mark = async (category: string, lat: number, lon: number) => {
    const res = await app.inject({ method: 'POST', url: '/api/pins', payload: { lat, lon, category, severity: 4, timesOfDay: ['night'] } })
    expect(res.statusCode).toBe(201)
    return res.json().id as number
  }
  const sensitiveFeatures = async (zoom: number) => {
    const res = await app.inject(`/api/pins/clusters?bbox=${TEST_BBOX}&zoom=${zoom}`)
    return (res.json() as ClusterCollection).features.filter((f) => f.properties.sensitive)
  }

  // Inside one zoom-12 cell (about 2.4 km at this latitude): 1 m to 30 m apart.
  const spots = [0, 0.00001, 0.0002].map((d) => ({ lat: INSIDE.lat + d, lon: INSIDE.lon + d }))

  it('shows nothing of fewer than k pins, at any zoom, and never a single sensitive pin by id', async () => {
    const ids = [await mark('drugs', spots[0]!.lat, spots[0]!.lon), await mark('disorder', spots[1]!.lat, spots[1]!.lon)]
    for (const zoom of [6, 10, 12, 16, 20]) expect(await sensitiveFeatures(zoom)).toEqual([])
    for (const id of ids) expect((await app.inject(`/api/pins/${id}`)).statusCode).toBe(404)
  })

  it('shows k pins as one aggregate at the centre of its cell, never finer than the configured zoom', async () => {
    await mark('drugs', spots[2]!.lat, spots[2]!.lon)
    const cell = gridKey(point([spots[0]!.lon, spots[0]!.lat]), MAX_ZOOM)
    const centre = cellCenter(cell)
    for (const zoom of [MAX_ZOOM, 15, 18, 20]) {
      const shown = await sensitiveFeatures(zoom)
      expect(shown).toHaveLength(1)
      expect(shown[0]!.properties).toEqual({ count: 3, categories: { drugs: 2, disorder: 1 }, sensitive: true })
      expect(shown[0]!.geometry.coordinates[0]).toBeCloseTo(centre[0], 5)
      expect(shown[0]!.geometry.coordinates[1]).toBeCloseTo(centre[1], 5)
    }
    // Coarser zooms aggregate further, still as one feature of all three.
    expect((await sensitiveFeatures(8)).map((f) => f.properties.count)).toEqual([3])
  })

  it('does not add up pins of different cells to reach k', async () => {
    // Two pins about 6 km east, in another zoom-12 cell: fewer than k there, so they stay hidden
    // at the finest zoom shown even though the municipality now holds five.
    await mark('drugs', INSIDE.lat, INSIDE.lon + 0.09)
    await mark('drugs', INSIDE.lat, INSIDE.lon + 0.0901)
    const atMax = await sensitiveFeatures(MAX_ZOOM)
    expect(atMax.map((f) => f.properties.count)).toEqual([3])
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin`.execute(db.kysely)
    expect(rows[0]!.n).toBe(5)
  })
})
