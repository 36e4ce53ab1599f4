import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { png } from '../../test/photo-fixtures.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, OUTSIDE, TEST_BBOX, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { TestClock, createStaff, login, type StaffAgent } from '../../test/staff.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR

const route = { type: 'LineString', coordinates: [[13.09, 55.79], [13.1, 55.8], [13.11, 55.81]] }
const meetingPoint = { type: 'Point', coordinates: [13.09, 55.79] }

describe.each(ENGINES)('physical walks on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let planner: StaffAgent
  let police: StaffAgent
  let municipalityId: number
  let plannerPassword: string
  let policePassword: string
  const clock = new TestClock(Date.parse('2026-10-05T15:00:00Z'))

  beforeAll(async () => {
    db = await openTestDb(engine)
    municipalityId = (await seedTestMunicipality(db.kysely)).municipalityId
    app = await buildApp({ config: testConfig(), db, clock: clock.now })
    const plannerAccount = await createStaff(db.kysely, municipalityId, 'planner')
    const policeAccount = await createStaff(db.kysely, municipalityId, 'police')
    plannerPassword = plannerAccount.password
    policePassword = policeAccount.password
    planner = await login(app, plannerAccount)
    police = await login(app, policeAccount)
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  const plan = (overrides: object = {}) =>
    planner.inject({
      method: 'POST',
      url: '/api/staff/walks',
      payload: { name: 'Kvällsvandring Furulund', startsAt: '2026-10-05T16:00:00Z', endsAt: '2026-10-05T18:00:00Z', route, meetingPoint, ...overrides },
    })
  const observation = (overrides: object = {}) => ({
    ...INSIDE,
    category: 'lighting',
    severity: 4,
    timesOfDay: ['evening'],
    comment: 'Trasig lykta vid gångtunneln',
    participants: 9,
    clientId: randomUUID(),
    ...overrides,
  })
  const record = (code: string, payload: object) => app.inject({ method: 'POST', url: `/api/walks/${code}/observations`, payload })
  const pinCount = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin WHERE municipality_id = ${municipalityId}`.execute(db.kysely)).rows[0]!.n

  it('plans a walk with a server-made code and shows it to whoever has the code', async () => {
    const res = await plan()
    expect(res.statusCode).toBe(201)
    const walk = res.json()
    expect(walk).toMatchObject({ name: 'Kvällsvandring Furulund', route, meetingPoint, observationCount: 0, startsAt: '2026-10-05T16:00:00.000Z' })
    expect(walk.code).toMatch(/^[a-z2-9]{10}$/)
    expect(walk.path).toBe(`/walk/${walk.code}`)
    const other = (await plan()).json()
    expect(other.code).not.toBe(walk.code)

    const pub = await app.inject(`/api/walks/${walk.code}`)
    expect(pub.statusCode).toBe(200)
    expect(pub.json()).toEqual({
      code: walk.code,
      name: 'Kvällsvandring Furulund',
      startsAt: '2026-10-05T16:00:00.000Z',
      endsAt: '2026-10-05T18:00:00.000Z',
      route,
      meetingPoint,
      acceptsUntil: '2026-10-12T18:00:00.000Z',
    })
    expect((await planner.inject({ url: '/api/staff/walks' })).json().walks.map((w: { id: number }) => w.id)).toEqual(expect.arrayContaining([walk.id, other.id]))
    const audit = await db.kysely.selectFrom('audit_log').select('action').where('municipality_id', '=', municipalityId).where('entity_type', '=', 'campaign').where('entity_id', '=', walk.id).execute()
    expect(audit.map((a) => a.action)).toEqual(['walk.create'])
  })

  it('refuses unknown and malformed codes with 404 and 400', async () => {
    expect((await app.inject('/api/walks/abcdefghjk')).statusCode).toBe(404)
    expect((await app.inject('/api/walks/ABC')).statusCode).toBe(400)
    expect((await record('abcdefghjk', observation())).statusCode).toBe(404)
  })

  it('refuses a walk outside the boundary, an end before the start and a malformed route, and stores nothing', async () => {
    const before = (await planner.inject({ url: '/api/staff/walks' })).json().walks.length
    const outsidePoint = await plan({ meetingPoint: { type: 'Point', coordinates: [OUTSIDE.lon, OUTSIDE.lat] } })
    expect(outsidePoint.statusCode).toBe(422)
    expect(outsidePoint.json().fields).toEqual([{ field: 'meetingPoint', message: 'is outside the municipality boundary' }])
    const leaving = await plan({ route: { type: 'LineString', coordinates: [[13.1, 55.8], [13.3, 55.8]] } })
    expect(leaving.statusCode).toBe(422)
    expect(leaving.json().fields[0].field).toBe('route')
    expect((await plan({ endsAt: '2026-10-05T15:00:00Z' })).statusCode).toBe(400)
    expect((await plan({ route: { type: 'LineString', coordinates: [[13.1, 55.8]] } })).statusCode).toBe(400)
    expect((await plan({ name: ' ' })).statusCode).toBe(400)
    expect((await planner.inject({ url: '/api/staff/walks' })).json().walks.length).toBe(before)
  })

  it('lets only admins and planners plan walks and read protocols', async () => {
    expect((await police.inject({ url: '/api/staff/walks' })).statusCode).toBe(403)
    expect((await app.inject({ method: 'POST', url: '/api/staff/walks', payload: {} })).statusCode).toBe(401)
  })

  it('records an observation once, answers a resend of the same clientId with the same pin, and counts it on the map', async () => {
    const walk = (await plan()).json()
    const first = observation()
    const pinsBefore = await pinCount()
    const created = await record(walk.code, first)
    expect(created.statusCode).toBe(201)
    const again = await record(walk.code, first)
    expect(again.statusCode).toBe(200)
    expect(again.json().id).toBe(created.json().id)
    expect(await pinCount()).toBe(pinsBefore + 1)

    const { rows } = await sql<{ source: string; campaign_id: number; participants: number }>`
      SELECT p.source, p.campaign_id, o.participants FROM pin AS p JOIN walk_observation AS o ON o.municipality_id = p.municipality_id AND o.pin_id = p.id
       WHERE p.municipality_id = ${municipalityId} AND p.id = ${created.json().id}`.execute(db.kysely)
    expect(rows).toEqual([{ source: 'walk', campaign_id: walk.id, participants: 9 }])

    const clusters = await app.inject(`/api/pins/clusters?bbox=${TEST_BBOX}&zoom=18&campaign=${walk.id}`)
    const counted = clusters.json().features.reduce((n: number, f: { properties: { count: number } }) => n + f.properties.count, 0)
    expect(counted).toBe(1)

    // The resend's fresh follow token adds the photo; the first one no longer does.
    const image = await png(40, 30)
    const upload = (token: string) =>
      app.inject({ method: 'POST', url: `/api/pins/${created.json().id}/photo`, headers: { 'content-type': 'image/png', 'x-follow-token': token }, payload: image })
    expect((await upload(created.json().followToken)).statusCode).toBe(403)
    expect((await upload(again.json().followToken)).statusCode).toBe(201)
  })

  it('keeps concurrent resends of one observation to one pin', async () => {
    const walk = (await plan()).json()
    const one = observation()
    const pinsBefore = await pinCount()
    const answers = await Promise.all([record(walk.code, one), record(walk.code, one), record(walk.code, one)])
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201])
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1)
    expect(await pinCount()).toBe(pinsBefore + 1)
  })

  it('refuses bad observations with 4xx and stores nothing', async () => {
    const walk = (await plan()).json()
    const pinsBefore = await pinCount()
    const bad: [object, number, string][] = [
      [{ participants: 0 }, 400, 'VALIDATION_FAILED'],
      [{ participants: 501 }, 400, 'VALIDATION_FAILED'],
      [{ participants: 2.5 }, 400, 'VALIDATION_FAILED'],
      [{ clientId: 'not-a-uuid' }, 400, 'VALIDATION_FAILED'],
      [{ clientId: undefined }, 400, 'VALIDATION_FAILED'],
      [{ severity: 6 }, 400, 'VALIDATION_FAILED'],
      [{ category: 'nonsense' }, 400, 'UNKNOWN_CATEGORY'],
      [{ extra: 1 }, 400, 'VALIDATION_FAILED'],
      [{ ...OUTSIDE }, 422, 'PIN_OUTSIDE_BOUNDARY'],
      [{ website: 'http://spam.example' }, 403, 'ANTIBOT_FAILED'],
    ]
    for (const [change, status, code] of bad) {
      const res = await record(walk.code, observation(change))
      expect([JSON.stringify(change), res.statusCode, res.json().code]).toEqual([JSON.stringify(change), status, code])
    }
    expect(await pinCount()).toBe(pinsBefore)
  })

  it('keeps the time an observation was recorded when it lies between the accept start and now', async () => {
    const now = clock.now().getTime()
    const walk = (await plan({ startsAt: new Date(now - 2 * HOUR).toISOString(), endsAt: new Date(now + HOUR).toISOString() })).json()
    const recordedAt = new Date(now - 40 * 60_000).toISOString()
    const cases: [string | undefined, string][] = [
      [recordedAt, recordedAt],
      [new Date(now + HOUR).toISOString(), clock.now().toISOString()],
      [new Date(now - 2 * DAY).toISOString(), clock.now().toISOString()],
      [undefined, clock.now().toISOString()],
    ]
    for (const [sent, stored] of cases) {
      const res = await record(walk.code, observation({ recordedAt: sent }))
      expect(res.statusCode).toBe(201)
      const { rows } = await sql<{ created_at: Date }>`SELECT created_at FROM pin WHERE municipality_id = ${municipalityId} AND id = ${res.json().id}`.execute(db.kysely)
      expect([sent, rows[0]!.created_at.toISOString()]).toEqual([sent, stored])
    }
    expect((await record(walk.code, observation({ recordedAt: 'yesterday' }))).statusCode).toBe(400)
  })

  it('takes observations from a day before the walk until a week after it, resends always', async () => {
    const walk = (await plan({ startsAt: '2026-10-20T16:00:00Z', endsAt: '2026-10-20T18:00:00Z' })).json()
    const early = await record(walk.code, observation())
    expect(early.statusCode).toBe(409)
    expect(early.json().code).toBe('WALK_CLOSED')
    clock.advance(14.5 * DAY)
    const kept = observation()
    expect((await record(walk.code, kept)).statusCode).toBe(201)
    clock.advance(8 * DAY)
    expect((await record(walk.code, observation())).statusCode).toBe(409)
    expect((await record(walk.code, kept)).statusCode).toBe(200)
  })

  it("gives the protocol with every observation, group size and the photo's staff URL", async () => {
    // The clock moved on by weeks: sign in again.
    planner = await login(app, { email: `planner-${municipalityId}@trygg.test`, password: plannerPassword })
    police = await login(app, { email: `police-${municipalityId}@trygg.test`, password: policePassword })
    const walk = (await plan({ startsAt: clock.now().toISOString(), endsAt: new Date(clock.now().getTime() + 2 * HOUR).toISOString() })).json()
    const a = (await record(walk.code, observation({ participants: 5 }))).json()
    clock.advance(60_000)
    const b = (await record(walk.code, observation({ category: 'vegetation', comment: undefined, participants: 7, lat: 55.81 }))).json()
    expect(b).toEqual({ id: expect.any(Number), followToken: expect.any(String) })
    const photo = await app.inject({ method: 'POST', url: `/api/pins/${b.id}/photo`, headers: { 'content-type': 'image/png', 'x-follow-token': b.followToken }, payload: await png(20, 20) })
    expect(photo.statusCode).toBe(201)
    const res = await planner.inject({ url: `/api/staff/walks/${walk.id}/protocol` })
    expect(res.statusCode).toBe(200)
    expect(res.json().walk).toMatchObject({ id: walk.id, code: walk.code, observationCount: 2 })
    expect(res.json().observations).toMatchObject([
      { id: a.id, category: 'lighting', categoryLabelSv: 'Dålig belysning', severity: 4, timesOfDay: ['evening'], comment: 'Trasig lykta vid gångtunneln', participants: 5, photoUrl: null },
      { id: b.id, category: 'vegetation', comment: null, participants: 7, lat: 55.81, photoUrl: `/api/staff/moderation/photos/${b.id}` },
    ])
    expect((await planner.inject({ url: res.json().observations[1].photoUrl })).headers['content-type']).toBe('image/jpeg')
    expect((await planner.inject({ url: '/api/staff/walks/999999/protocol' })).statusCode).toBe(404)
    expect((await police.inject({ url: `/api/staff/walks/${walk.id}/protocol` })).statusCode).toBe(403)
  })
})
