import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'

/** Metres north of INSIDE, as a latitude. */
const north = (m: number) => INSIDE.lat + m / 111_320

describe.each(ENGINES)('agreeing with a nearby pin on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance

  beforeAll(async () => {
    db = await openTestDb(engine)
    await seedTestMunicipality(db.kysely)
    app = await buildApp({ config: testConfig(), db })
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  const mark = async (category: string, lat: number, lon = INSIDE.lon) => {
    const res = await app.inject({ method: 'POST', url: '/api/pins', payload: { lat, lon, category, severity: 3, timesOfDay: ['evening'] } })
    expect(res.statusCode).toBe(201)
    return res.json().id as number
  }
  const nearby = (query: string) => app.inject(`/api/pins/nearby?${query}`)
  const agree = (id: number, cookie?: string) =>
    app.inject({ method: 'POST', url: `/api/pins/${id}/agree`, payload: {}, ...(cookie ? { headers: { cookie } } : {}) })
  const deviceCookie = (res: { headers: Record<string, unknown> }) => {
    const raw = res.headers['set-cookie']
    const header = [raw].flat().find((h) => typeof h === 'string' && h.startsWith('trygg_device=')) as string | undefined
    return header?.split(';')[0]
  }

  let near: number
  let nearer: number
  let otherCategory: number
  let far: number
  let sensitive: number

  it('lists pins within the default 25 m, nearest first, optionally of one category, never sensitive ones', async () => {
    near = await mark('lighting', north(20))
    nearer = await mark('lighting', north(5))
    otherCategory = await mark('littering', north(10))
    far = await mark('lighting', north(40))
    sensitive = await mark('drugs', north(3))

    const all = await nearby(`lat=${INSIDE.lat}&lon=${INSIDE.lon}`)
    expect(all.statusCode).toBe(200)
    expect(all.json().radius).toBe(25)
    expect(all.json().pins.map((p: { id: number }) => p.id)).toEqual([nearer, otherCategory, near])
    const first = all.json().pins[0]
    expect(first).toMatchObject({ category: 'lighting', severity: 3, timesOfDay: ['evening'], agreementCount: 0 })
    expect(first.distance).toBeGreaterThanOrEqual(4)
    expect(first.distance).toBeLessThanOrEqual(6)

    const lighting = await nearby(`lat=${INSIDE.lat}&lon=${INSIDE.lon}&category=lighting`)
    expect(lighting.json().pins.map((p: { id: number }) => p.id)).toEqual([nearer, near])

    const wider = await nearby(`lat=${INSIDE.lat}&lon=${INSIDE.lon}&radius=50&category=lighting`)
    expect(wider.json()).toMatchObject({ radius: 50 })
    expect(wider.json().pins.map((p: { id: number }) => p.id)).toEqual([nearer, near, far])
    expect(JSON.stringify(wider.json())).not.toContain(`"id":${sensitive},`)
  })

  it('takes the default radius from configuration and refuses bad queries', async () => {
    const narrow = await buildApp({ config: testConfig({ nearbyRadiusM: 8 }), db })
    const res = await narrow.inject(`/api/pins/nearby?lat=${INSIDE.lat}&lon=${INSIDE.lon}`)
    expect(res.json()).toMatchObject({ radius: 8 })
    expect(res.json().pins.map((p: { id: number }) => p.id)).toEqual([nearer])
    await narrow.close()

    for (const q of ['lon=13.1', `lat=95&lon=13.1`, `lat=55.8&lon=13.1&radius=0`, `lat=55.8&lon=13.1&radius=201`, `lat=55.8&lon=13.1&extra=1`]) {
      expect([q, (await nearby(q)).statusCode]).toEqual([q, 400])
    }
    const unknown = await nearby('lat=55.8&lon=13.1&category=ufo')
    expect(unknown.json()).toMatchObject({ statusCode: 400, code: 'UNKNOWN_CATEGORY' })
  })

  it('counts one agreement per device, keeps the device id only hashed, and shows the count on the pin', async () => {
    const first = await agree(near)
    expect(first.statusCode).toBe(200)
    expect(first.json()).toEqual({ id: near, agreementCount: 1, alreadyAgreed: false })
    const cookie = deviceCookie(first)!
    expect(cookie).toMatch(/^trygg_device=[A-Za-z0-9_-]{22}$/)
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly/i)

    const again = await agree(near, cookie)
    expect(again.json()).toEqual({ id: near, agreementCount: 1, alreadyAgreed: true })
    expect(deviceCookie(again)).toBeUndefined()

    const otherDevice = await agree(near)
    expect(otherDevice.json()).toMatchObject({ agreementCount: 2, alreadyAgreed: false })
    expect((await agree(nearer, cookie)).json()).toMatchObject({ agreementCount: 1, alreadyAgreed: false })

    expect((await app.inject(`/api/pins/${near}`)).json().agreementCount).toBe(2)
    const listed = (await nearby(`lat=${INSIDE.lat}&lon=${INSIDE.lon}`)).json().pins.find((p: { id: number }) => p.id === near)
    expect(listed.agreementCount).toBe(2)

    const deviceId = cookie.split('=')[1]!
    const { rows } = await sql<{ h: Buffer }>`SELECT device_hash AS h FROM pin_agreement`.execute(db.kysely)
    expect(rows).toHaveLength(3)
    const hashes = rows.map((r) => Buffer.from(r.h).toString('hex'))
    expect(new Set(hashes).size).toBe(3)
    expect(hashes.join()).not.toContain(Buffer.from(deviceId).toString('hex'))
  })

  it('answers 404 for sensitive, hidden and missing pins and counts nothing', async () => {
    const hidden = await mark('lighting', north(15))
    await sql`UPDATE pin SET moderation = 'hidden' WHERE id = ${hidden}`.execute(db.kysely)
    for (const id of [sensitive, hidden, 999_999_999]) {
      const res = await agree(id)
      expect([id, res.statusCode, res.json().code]).toEqual([id, 404, 'NOT_FOUND'])
    }
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin_agreement WHERE pin_id IN (${sensitive}, ${hidden})`.execute(db.kysely)
    expect(rows[0]!.n).toBe(0)
    expect((await app.inject({ method: 'POST', url: `/api/pins/${near}/agree`, payload: { extra: 1 } })).statusCode).toBe(400)
  })

  it('forgets agreements with a deleted pin', async () => {
    await sql`DELETE FROM pin WHERE id = ${near}`.execute(db.kysely)
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin_agreement WHERE pin_id = ${near}`.execute(db.kysely)
    expect(rows[0]!.n).toBe(0)
  })
})
