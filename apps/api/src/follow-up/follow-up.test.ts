import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app.ts'
import { createCampaign } from '../municipality/municipality.setup.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { TestClock, createStaff, login, type StaffAgent } from '../../test/staff.ts'

describe.each(ENGINES)('yearly follow-up on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  const clock = new TestClock(Date.parse('2026-11-20T10:00:00Z'))
  let planner: StaffAgent
  let police: StaffAgent
  let ids: { c2025: number; c2026: number }

  beforeAll(async () => {
    db = await openTestDb(engine)
    const { municipalityId } = await seedTestMunicipality(db.kysely)
    const c2025 = await createCampaign(db.kysely, { municipalityId, kind: 'digital', name: 'Vandring 2025', startsAt: new Date('2025-04-01T00:00:00Z'), endsAt: new Date('2025-05-01T00:00:00Z') })
    const c2026 = await createCampaign(db.kysely, { municipalityId, kind: 'digital', name: 'Vandring 2026', startsAt: new Date('2026-04-01T00:00:00Z'), endsAt: new Date('2026-05-01T00:00:00Z') })
    const lighting = (await db.kysely.selectFrom('category').select('id').where('key', '=', 'lighting').executeTakeFirstOrThrow()).id
    const speeding = (await db.kysely.selectFrom('category').select('id').where('key', '=', 'speeding').executeTakeFirstOrThrow()).id
    const pin = (campaignId: number, categoryId: number, createdAt: string) =>
      db.kysely
        .insertInto('pin')
        .values({ municipality_id: municipalityId, campaign_id: campaignId, category_id: categoryId, geom: `SRID=4326;POINT(${INSIDE.lon} ${INSIDE.lat})`, severity: 3, times_of_day: 4, comment_state: 'none', status: 'received', moderation: 'published', source: 'demo', follow_token_hash: null, mx: 0, my: 0, created_at: new Date(createdAt) })
        .execute()
    for (let i = 0; i < 4; i++) await pin(c2025, lighting, '2025-04-10T12:00:00Z')
    for (let i = 0; i < 3; i++) await pin(c2026, lighting, '2026-04-08T12:00:00Z')
    // Sunday evening in Stockholm: still the week of Monday 13 April.
    for (let i = 0; i < 2; i++) await pin(c2026, speeding, '2026-04-19T20:00:00Z')
    ids = { c2025, c2026 }
    app = await buildApp({ config: testConfig(), db, clock: clock.now })
    planner = await login(app, await createStaff(db.kysely, municipalityId, 'planner'))
    police = await login(app, await createStaff(db.kysely, municipalityId, 'police'))
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  it('compares the year’s campaigns with the previous ones and reports the action plan', async () => {
    const create = (payload: object) => planner.inject({ method: 'POST', url: '/api/staff/actions', payload })
    const done = (await create({ title: 'Belysning', focusArea: 'public_space', organisation: 'municipality', status: 'done' })).json()
    await create({ title: 'Hastighet', focusArea: 'traffic', organisation: 'police', status: 'planned', dueOn: '2026-06-30' })
    await create({ title: 'Senare', focusArea: 'traffic', organisation: 'police', status: 'planned', dueOn: '2027-06-30' })
    const res = await police.inject({ url: '/api/staff/follow-up?year=2026' })
    expect(res.statusCode).toBe(200)
    const r = res.json()
    expect(r.campaigns.map((c: { campaign: { name: string } }) => c.campaign.name)).toEqual(['Vandring 2026'])
    expect(r.campaigns[0]).toMatchObject({ pinCount: 5, categories: { lighting: 3, speeding: 2 }, previous: { pinCount: 4 }, previousCategories: { lighting: 4 } })
    expect(r.actionPlan.byFocusArea).toEqual([
      expect.objectContaining({ key: 'public_space', counts: { done: 1 } }),
      expect.objectContaining({ key: 'traffic', counts: { planned: 2 } }),
    ])
    expect(r.actionPlan.doneInYear).toEqual([expect.objectContaining({ id: done.id, title: 'Belysning', pinCount: 0 })])
    expect(r.actionPlan.overdue.map((o: { title: string }) => o.title)).toEqual(['Hastighet'])
    expect((await police.inject({ url: '/api/staff/follow-up?year=2025' })).json().actionPlan.doneInYear).toEqual([])
    expect((await police.inject({ url: '/api/staff/follow-up' })).statusCode).toBe(400)
  })

  it('keeps yearly indicators entered by staff, with an audit entry', async () => {
    const put = (agent: StaffAgent, year: number, payload: object) => agent.inject({ method: 'PUT', url: `/api/staff/indicators/${year}`, payload })
    expect((await put(planner, 2025, { feelSafeShare: 71.5, reportedCrimes: 1200 })).json()).toEqual({ year: 2025, feelSafeShare: 71.5, reportedCrimes: 1200, note: null })
    expect((await put(planner, 2026, { feelSafeShare: 74, reportedCrimes: null, note: 'Brottsstatistik kommer i mars' })).statusCode).toBe(200)
    expect((await put(planner, 2026, { feelSafeShare: 74.25, reportedCrimes: 1100 })).json().feelSafeShare).toBe(74.25)
    const r = (await police.inject({ url: '/api/staff/follow-up?year=2026' })).json()
    expect(r.indicators).toEqual([
      { year: 2025, feelSafeShare: 71.5, reportedCrimes: 1200, note: null },
      { year: 2026, feelSafeShare: 74.25, reportedCrimes: 1100, note: null },
    ])
    expect((await put(planner, 2026, { feelSafeShare: 101, reportedCrimes: 1 })).statusCode).toBe(400)
    expect((await put(planner, 2026, { feelSafeShare: 50 })).statusCode).toBe(400)
    expect((await put(police, 2026, { feelSafeShare: 50, reportedCrimes: 1 })).statusCode).toBe(403)
  })

  it('gives the statistics of a campaign and of the years', async () => {
    const latest = (await police.inject({ url: '/api/staff/statistics' })).json()
    expect(latest.campaign.name).toBe('Vandring 2026')
    expect(latest.byCategory).toEqual({ lighting: 3, speeding: 2 })
    expect(latest.timeOfDay.lighting).toEqual({ morning: 0, day: 0, evening: 3, night: 0 })
    expect(latest.weeks).toEqual([{ week: '2026-04-06', count: 3 }, { week: '2026-04-13', count: 2 }])
    expect(latest.years).toEqual([{ year: 2025, byCategory: { lighting: 4 } }, { year: 2026, byCategory: { lighting: 3, speeding: 2 } }])
    expect(latest.categories.find((c: { key: string }) => c.key === 'speeding')).toMatchObject({ labelSv: 'Fortkörning', group: 'traffic' })
    const earlier = (await police.inject({ url: `/api/staff/statistics?campaign=${ids.c2025}` })).json()
    expect(earlier.byCategory).toEqual({ lighting: 4 })
    expect((await police.inject({ url: '/api/staff/statistics?campaign=999999' })).statusCode).toBe(404)
    expect((await police.inject({ url: '/api/staff/statistics?campaign=x' })).statusCode).toBe(400)
  })
})
