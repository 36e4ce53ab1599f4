import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { createCampaign, createMunicipality } from '../municipality/municipality.setup.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, TEST_BOUNDARY, testConfig } from '../../test/fixtures.ts'
import { TestClock } from '../../test/staff.ts'

const DAY = 86_400_000
const valid = { ...INSIDE, category: 'lighting', severity: 3, timesOfDay: ['night'] }

describe.each(ENGINES)('campaigns of new pins on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let municipalityId: number
  const clock = new TestClock(Date.parse('2026-05-10T10:00:00Z'))

  beforeAll(async () => {
    db = await openTestDb(engine)
    // No continuous campaign: pins are accepted only while a digital walk runs.
    municipalityId = await createMunicipality(db.kysely, { slug: 'utan-lopande', name: 'Stängda kommun', boundary: TEST_BOUNDARY })
    app = await buildApp({ config: testConfig(), db, clock: clock.now })
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  const pinCount = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin`.execute(db.kysely)).rows[0]!.n
  const post = () => app.inject({ method: 'POST', url: '/api/pins', payload: valid })

  it('refuses a pin with 409 and a clear message when no walk runs and no continuous campaign is open', async () => {
    const res = await post()
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({ code: 'NO_OPEN_CAMPAIGN' })
    expect(res.json().message).toMatch(/Stängda kommun is not collecting marks right now/)
    expect(res.json().messageSv).toMatch(/tar inte emot markeringar just nu/)
    expect(await pinCount()).toBe(0)
    expect((await app.inject('/api/config')).json().campaign).toBeNull()
  })

  it('puts new pins in the running digital walk, shows its end date, and refuses again once it has ended', async () => {
    const now = clock.now().getTime()
    const endsAt = new Date(now + 7 * DAY)
    const walk = await createCampaign(db.kysely, { municipalityId, kind: 'digital', name: 'Vårvandringen', startsAt: new Date(now - DAY), endsAt })
    expect((await app.inject('/api/config')).json().campaign).toEqual({
      id: walk,
      kind: 'digital',
      name: 'Vårvandringen',
      startsAt: new Date(now - DAY).toISOString(),
      endsAt: endsAt.toISOString(),
    })
    const created = await post()
    expect(created.statusCode).toBe(201)
    const { rows } = await sql<{ c: number }>`SELECT campaign_id AS c FROM pin WHERE id = ${created.json().id}`.execute(db.kysely)
    expect(rows[0]!.c).toBe(walk)

    clock.advance(8 * DAY)
    expect((await post()).statusCode).toBe(409)
    expect((await app.inject('/api/config')).json().campaign).toBeNull()
    expect(await pinCount()).toBe(1)
  })

  it('falls back to an open continuous campaign outside walks, and a running walk still wins', async () => {
    const now = clock.now().getTime()
    const continuous = await createCampaign(db.kysely, { municipalityId, kind: 'continuous', name: 'Löpande', startsAt: new Date(now - 30 * DAY), endsAt: null })
    const first = await post()
    expect(first.statusCode).toBe(201)
    expect((await app.inject(`/api/pins/${first.json().id}`)).json().campaignId).toBe(continuous)

    const walk = await createCampaign(db.kysely, { municipalityId, kind: 'digital', name: 'Höstvandringen', startsAt: new Date(now - DAY), endsAt: new Date(now + DAY) })
    const second = await post()
    expect((await app.inject(`/api/pins/${second.json().id}`)).json().campaignId).toBe(walk)
  })
})
