import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { seedTestMunicipality, testConfig } from '../../test/fixtures.ts'

describe.each(ENGINES)('pin list on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    db = await openTestDb(engine)
    await seedTestMunicipality(db.kysely)
    app = await buildApp({ config: testConfig(), db })
    const add = async (name: string, lon: number, lat: number, category = 'lighting', comment?: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/pins', payload: { lat, lon, category, severity: 2, timesOfDay: ['day'], ...(comment ? { comment } : {}) } })
      expect(res.statusCode).toBe(201)
      ids[name] = res.json().id
    }
    await add('west', 13.05, 55.8, 'lighting', 'Väntar på granskning')
    await add('east', 13.15, 55.8, 'vandalism')
    await add('eastDrugs', 13.151, 55.801, 'drugs')
    await add('eastLater', 13.16, 55.81, 'littering')
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  const list = (query: string) => app.inject(`/api/pins/list?${query}`)

  it('lists the public pins in the bbox newest first, never the sensitive ones nor unapproved comments', async () => {
    const res = await list('bbox=13.1,55.75,13.2,55.85')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.total).toBe(2)
    expect(body.items.map((p: { id: number }) => p.id)).toEqual([ids.eastLater, ids.east])
    expect(body.items[1]).toMatchObject({ category: 'vandalism', severity: 2, timesOfDay: ['day'], status: 'received', comment: null, photoUrl: null })
    const west = (await list('bbox=13.0,55.75,13.1,55.85')).json()
    expect(west.items).toEqual([expect.objectContaining({ id: ids.west, comment: null })])
  })

  it('pages the list and refuses a bad bbox', async () => {
    const page = (await list('bbox=13.0,55.75,13.2,55.85&limit=1&offset=1')).json()
    expect(page.total).toBe(3)
    expect(page.items.map((p: { id: number }) => p.id)).toEqual([ids.east])
    expect((await list('bbox=13.0,55.75,13.2,55.85&offset=10')).json()).toEqual({ items: [], total: 3 })
    for (const q of ['bbox=13.2,55.75,13.0,55.85', 'bbox=1,2,3', 'bbox=200,0,201,1', 'bbox=13,55,14,56&limit=0', 'bbox=13,55,14,56&limit=101']) {
      expect((await list(q)).statusCode).toBe(400)
    }
  })
})
