import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { TestClock, createStaff, login, type StaffAgent } from '../../test/staff.ts'

const MINUTE = 60_000

describe.each(ENGINES)('following a pin on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let planner: StaffAgent
  let police: StaffAgent
  const clock = new TestClock(Date.parse('2026-05-14T19:40:00Z'))

  beforeAll(async () => {
    db = await openTestDb(engine)
    const { municipalityId } = await seedTestMunicipality(db.kysely)
    app = await buildApp({ config: testConfig(), db, clock: clock.now })
    planner = await login(app, await createStaff(db.kysely, municipalityId, 'planner'))
    police = await login(app, await createStaff(db.kysely, municipalityId, 'police'))
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  const mark = async (comment?: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/pins',
      payload: { ...INSIDE, category: 'drugs', severity: 4, timesOfDay: ['night'], ...(comment ? { comment } : {}) },
    })
    expect(res.statusCode).toBe(201)
    return res.json() as { id: number; followToken: string }
  }
  const setStatus = (agent: StaffAgent, id: number, payload: object) => agent.inject({ method: 'POST', url: `/api/staff/pins/${id}/status`, payload })

  it("shows the author their pin, even of a sensitive category, with its own pending comment and the history so far", async () => {
    const { id, followToken } = await mark('Langning vid busshållplatsen')
    const res = await app.inject(`/api/follow/${followToken}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.json()).toEqual({
      pin: {
        id,
        lat: expect.closeTo(INSIDE.lat, 9),
        lon: expect.closeTo(INSIDE.lon, 9),
        category: 'drugs',
        severity: 4,
        timesOfDay: ['night'],
        comment: 'Langning vid busshållplatsen',
        commentState: 'pending',
        status: 'received',
        agreementCount: 0,
        campaignId: expect.any(Number),
        createdAt: '2026-05-14T19:40:00.000Z',
      },
      history: [{ status: 'received', at: '2026-05-14T19:40:00.000Z', reason: null }],
      actionItem: null,
    })
  })

  it('shows each status a planner sets, oldest first, with the reason when no action is taken', async () => {
    const { id, followToken } = await mark()
    expect((await setStatus(police, id, { status: 'done' })).statusCode).toBe(403)
    // Small steps: the staff session ends after 30 idle minutes.
    clock.advance(20 * MINUTE)
    const reviewed = await setStatus(planner, id, { status: 'reviewed' })
    expect(reviewed.statusCode).toBe(200)
    expect(reviewed.json()).toMatchObject({ id, status: 'reviewed' })
    clock.advance(25 * MINUTE)
    expect((await setStatus(planner, id, { status: 'not_done' })).json()).toMatchObject({ statusCode: 400, fields: [{ field: 'reason' }] })
    expect((await setStatus(planner, id, { status: 'not_done', reason: 'Platsen är privat mark' })).statusCode).toBe(200)
    expect((await setStatus(planner, id, { status: 'not_done', reason: 'Igen' })).statusCode).toBe(409)
    expect((await setStatus(planner, id, { status: 'finished' })).statusCode).toBe(400)

    const followed = (await app.inject(`/api/follow/${followToken}`)).json()
    expect(followed.pin.status).toBe('not_done')
    expect(followed.history).toEqual([
      { status: 'received', at: '2026-05-14T19:40:00.000Z', reason: null },
      { status: 'reviewed', at: '2026-05-14T20:00:00.000Z', reason: null },
      { status: 'not_done', at: '2026-05-14T20:25:00.000Z', reason: 'Platsen är privat mark' },
    ])
    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'before', 'after', 'reason', 'actor_email']).where('entity_type', '=', 'pin').where('entity_id', '=', String(id)).orderBy('id').execute()
    expect(audit.map((a) => [a.action, a.before, a.after, a.reason])).toEqual([
      ['pin.status', { status: 'received' }, { status: 'reviewed' }, null],
      ['pin.status', { status: 'reviewed' }, { status: 'not_done' }, 'Platsen är privat mark'],
    ])
  })

  it('includes status events written by action items, in order', async () => {
    const { id, followToken } = await mark()
    const { municipality_id } = await db.kysely.selectFrom('pin').select('municipality_id').where('id', '=', id).executeTakeFirstOrThrow()
    await sql`INSERT INTO pin_status_event (municipality_id, pin_id, status, action_item_id, created_at)
              VALUES (${municipality_id}, ${id}, 'action_planned', 7, ${new Date(clock.now().getTime() + MINUTE)})`.execute(db.kysely)
    expect((await app.inject(`/api/follow/${followToken}`)).json().history.map((h: { status: string }) => h.status)).toEqual(['received', 'action_planned'])
  })

  it('answers 404 for unknown and malformed tokens', async () => {
    for (const token of ['A'.repeat(22), 'short', 'has%20space', 'x'.repeat(65)]) {
      const res = await app.inject(`/api/follow/${token}`)
      expect([token, res.statusCode]).toEqual([token, 404])
    }
  })

  it('lets the author delete their pin with its history, leaving a note in the audit log and nothing else', async () => {
    const { id, followToken } = await mark('Ta bort mig')
    await setStatus(planner, id, { status: 'reviewed' })
    expect((await app.inject({ method: 'DELETE', url: '/api/follow/AAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(404)
    const res = await app.inject({ method: 'DELETE', url: `/api/follow/${followToken}` })
    expect(res.statusCode).toBe(204)
    expect((await app.inject(`/api/follow/${followToken}`)).statusCode).toBe(404)
    expect((await app.inject({ method: 'DELETE', url: `/api/follow/${followToken}` })).statusCode).toBe(404)
    const { rows } = await sql<{ p: number; e: number }>`
      SELECT (SELECT count(*)::int FROM pin WHERE id = ${id}) AS p, (SELECT count(*)::int FROM pin_status_event WHERE pin_id = ${id}) AS e`.execute(db.kysely)
    expect(rows[0]).toEqual({ p: 0, e: 0 })
    const note = await db.kysely.selectFrom('audit_log').select(['action', 'actor_id', 'after']).where('entity_id', '=', String(id)).orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(note).toEqual({ action: 'pin.delete_by_author', actor_id: null, after: null })
  })

  it('shows the public action item the pin is linked to, once it is public, and its status on the history', async () => {
    const { id, followToken } = await mark()
    const created = await planner.inject({
      method: 'POST',
      url: '/api/staff/actions',
      payload: { title: 'Ny belysning i gångtunneln', focusArea: 'public_space', organisation: 'municipality', pinIds: [id], status: 'planned' },
    })
    expect(created.statusCode, created.body).toBe(201)
    const hidden = (await app.inject(`/api/follow/${followToken}`)).json()
    expect(hidden.actionItem).toBeNull()
    expect(hidden.history.map((e: { status: string }) => e.status)).toContain('action_planned')

    clock.advance(MINUTE)
    const published = await planner.inject({ method: 'PATCH', url: `/api/staff/actions/${created.json().id}`, payload: { isPublic: true, publicNote: 'Lamporna byts i juni', status: 'done' } })
    expect(published.statusCode, published.body).toBe(200)
    const shown = (await app.inject(`/api/follow/${followToken}`)).json()
    expect(shown.actionItem).toMatchObject({ id: created.json().id, title: 'Ny belysning i gångtunneln', status: 'done', publicNote: 'Lamporna byts i juni' })
    expect(shown.pin.status).toBe('done')
    expect(shown.history.at(-1)).toMatchObject({ status: 'done' })
  })
})
