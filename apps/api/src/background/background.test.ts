import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { createStaff, login, type StaffAgent } from '../../test/staff.ts'

describe.each(ENGINES)('background questions on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let admin: StaffAgent
  let planner: StaffAgent

  beforeAll(async () => {
    db = await openTestDb(engine)
    const { municipalityId } = await seedTestMunicipality(db.kysely)
    app = await buildApp({ config: testConfig(), db })
    admin = await login(app, await createStaff(db.kysely, municipalityId, 'admin'))
    planner = await login(app, await createStaff(db.kysely, municipalityId, 'planner'))
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  async function pin(category = 'lighting', severity = 3): Promise<{ id: number; followToken: string }> {
    const res = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...INSIDE, category, severity, timesOfDay: ['night'] } })
    expect(res.statusCode).toBe(201)
    return res.json()
  }
  const answer = (p: { id: number; followToken: string }, payload: object, token = p.followToken) =>
    app.inject({ method: 'POST', url: `/api/pins/${p.id}/background`, payload, headers: { 'x-follow-token': token } })
  const turn = (enabled: boolean) => admin.inject({ method: 'PUT', url: '/api/staff/settings/background-questions', payload: { enabled } })
  const stats = async (by: string) => (await planner.inject({ url: `/api/staff/statistics/background?by=${by}` })).json()

  it('is off until an admin turns it on, and refuses answers meanwhile', async () => {
    expect((await app.inject('/api/background-questions')).json()).toMatchObject({ enabled: false, ageBands: ['under_18', '18_29', '30_44', '45_64', '65_plus'], genders: ['woman', 'man', 'other'] })
    const p = await pin()
    expect((await answer(p, { ageBand: '18_29' })).statusCode).toBe(403)
    expect((await planner.inject({ method: 'PUT', url: '/api/staff/settings/background-questions', payload: { enabled: true } })).statusCode).toBe(403)
    expect((await turn(true)).json()).toMatchObject({ enabled: true })
    expect((await app.inject('/api/background-questions')).json().enabled).toBe(true)
    const audit = (await admin.inject({ url: '/api/staff/audit?entityType=municipality' })).json().entries
    expect(audit[0]).toMatchObject({ action: 'settings.background_questions', before: { enabled: false }, after: { enabled: true } })
  })

  it("stores answers with the pin, once, with the pin's own token, and refuses bad ones", async () => {
    const p = await pin()
    const other = await pin()
    expect((await answer(p, { ageBand: '18_29' }, other.followToken)).statusCode).toBe(403)
    for (const bad of [{}, { ageBand: '17' }, { gender: 'unknown' }, { ageBand: '18_29', name: 'Anna' }]) expect((await answer(p, bad)).statusCode).toBe(400)
    expect((await answer(p, { ageBand: '30_44', gender: 'woman' })).statusCode).toBe(204)
    expect((await answer(p, { gender: 'man' })).statusCode).toBe(409)
    const { rows } = await sql<{ age_band: string; gender: string }>`SELECT age_band, gender FROM pin_background WHERE pin_id = ${p.id}`.execute(db.kysely)
    expect(rows).toEqual([{ age_band: '30_44', gender: 'woman' }])
    expect((await app.inject(`/api/pins/${p.id}`)).json()).not.toHaveProperty('ageBand')
  })

  it('shows statistics only for groups, and categories within them, of 5 or more', async () => {
    // 18_29: 6 pins (5 lighting, 1 vandalism); 65_plus: 4 pins; 30_44 already has 1 from the test before.
    for (let i = 0; i < 5; i++) await answer(await pin('lighting', 4), { ageBand: '18_29', gender: 'man' })
    await answer(await pin('vandalism', 1), { ageBand: '18_29' })
    for (let i = 0; i < 4; i++) await answer(await pin('littering', 2), { ageBand: '65_plus', gender: 'woman' })
    const byAge = await stats('ageBand')
    expect(byAge).toEqual({
      by: 'ageBand',
      minGroupSize: 5,
      groups: [{ group: '18_29', pins: 6, meanSeverity: 3.5, categories: [{ category: 'lighting', pins: 5 }] }],
    })
    const byGender = await stats('gender')
    expect(byGender.groups.map((g: { group: string; pins: number }) => [g.group, g.pins])).toEqual([
      ['man', 5],
      ['woman', 5],
    ])
    expect((await planner.inject({ url: '/api/staff/statistics/background?by=postcode' })).statusCode).toBe(400)
  })
})
