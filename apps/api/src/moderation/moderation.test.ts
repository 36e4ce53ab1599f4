import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { MINUTE, TestClock, createStaff, login, type StaffAgent, type TestStaff } from '../../test/staff.ts'

describe.each(ENGINES)('moderation on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  const clock = new TestClock()
  let moderatorAccount: TestStaff
  let moderator: StaffAgent
  let admin: StaffAgent

  beforeAll(async () => {
    db = await openTestDb(engine)
    const { municipalityId } = await seedTestMunicipality(db.kysely)
    app = await buildApp({ config: testConfig(), db, clock: clock.now })
    moderatorAccount = await createStaff(db.kysely, municipalityId, 'moderator')
    moderator = await login(app, moderatorAccount)
    admin = await login(app, await createStaff(db.kysely, municipalityId, 'admin'))
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  async function pin(comment: string | undefined, category = 'lighting'): Promise<number> {
    const res = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...INSIDE, category, severity: 4, timesOfDay: ['evening'], ...(comment ? { comment } : {}) } })
    expect(res.statusCode).toBe(201)
    return res.json().id
  }
  const decide = (id: number, verb: string, payload: object = {}) => moderator.inject({ method: 'POST', url: `/api/staff/moderation/comments/${id}/${verb}`, payload })
  const publicComment = async (id: number) => (await app.inject(`/api/pins/${id}`)).json().comment
  const queue = async (query = '') => (await moderator.inject({ url: `/api/staff/moderation/queue${query}` })).json()
  const auditOf = async (id: number) => (await admin.inject({ url: `/api/staff/audit?entityType=pin_comment&entityId=${id}` })).json().entries

  it('queues pending comments oldest first, with their pin, and leaves out pins without one', async () => {
    const first = await pin('Första kommentaren')
    await pin(undefined)
    const second = await pin('Andra kommentaren', 'drugs')
    const q = await queue()
    const ids = q.items.map((i: { id: number }) => i.id)
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second))
    expect(q.total).toBe(q.items.length)
    const item = q.items.find((i: { id: number }) => i.id === second)
    expect(item).toMatchObject({ kind: 'comment', id: second, state: 'pending', text: 'Andra kommentaren', pin: { id: second, category: 'drugs', sensitive: true, severity: 4 } })
    expect(item.pin.lat).toBeCloseTo(INSIDE.lat, 9)
    expect((await queue('?kind=comment&limit=1')).items).toHaveLength(1)
    expect((await moderator.inject({ url: '/api/staff/moderation/queue?state=unknown' })).statusCode).toBe(400)
    expect((await moderator.inject({ url: '/api/staff/moderation/queue?kind=video' })).statusCode).toBe(400)
  })

  it('publishes an approved comment and records who approved it, when', async () => {
    const id = await pin('Trasig lampa vid busshållplatsen')
    expect(await publicComment(id)).toBeNull()
    const res = await decide(id, 'approve')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ kind: 'comment', id, state: 'approved', text: 'Trasig lampa vid busshållplatsen' })
    expect(await publicComment(id)).toBe('Trasig lampa vid busshållplatsen')
    expect((await queue()).items.map((i: { id: number }) => i.id)).not.toContain(id)
    expect((await queue('?state=approved')).items[0].id).toBe(id)
    expect(await auditOf(id)).toEqual([
      {
        id: expect.any(Number),
        at: clock.now().toISOString(),
        actor: { id: moderatorAccount.id, email: moderatorAccount.email },
        action: 'comment.approve',
        entityType: 'pin_comment',
        entityId: String(id),
        before: { state: 'pending', text: 'Trasig lampa vid busshållplatsen' },
        after: { state: 'approved', text: 'Trasig lampa vid busshållplatsen' },
        reason: null,
      },
    ])
  })

  it('keeps a rejected comment from the public, with the reason in the audit log', async () => {
    const id = await pin('Reklam för en webbsida')
    expect((await decide(id, 'reject', { reason: 'Reklam' })).json().state).toBe('rejected')
    expect(await publicComment(id)).toBeNull()
    expect((await auditOf(id))[0]).toMatchObject({ action: 'comment.reject', reason: 'Reklam', before: { state: 'pending' }, after: { state: 'rejected' } })
  })

  it('publishes a redacted text, keeping the original in the audit log only', async () => {
    const id = await pin('Anna Svensson på Storgatan 3 spelar hög musik')
    const res = await decide(id, 'redact', { text: '[namn] på [adress] spelar hög musik', reason: 'Namn och adress' })
    expect(res.json()).toMatchObject({ state: 'approved', text: '[namn] på [adress] spelar hög musik' })
    expect(await publicComment(id)).toBe('[namn] på [adress] spelar hög musik')
    const stored = await sql<{ comment: string }>`SELECT comment FROM pin WHERE id = ${id}`.execute(db.kysely)
    expect(stored.rows[0]!.comment).toBe('[namn] på [adress] spelar hög musik')
    expect((await auditOf(id))[0]).toMatchObject({
      action: 'comment.redact',
      reason: 'Namn och adress',
      before: { state: 'pending', text: 'Anna Svensson på Storgatan 3 spelar hög musik' },
      after: { state: 'approved', text: '[namn] på [adress] spelar hög musik' },
    })
  })

  it('refuses a redaction without a reason or text, and stores nothing', async () => {
    const id = await pin('Något')
    for (const payload of [{ text: 'Ny text' }, { text: 'Ny text', reason: '   ' }, { text: '  ', reason: 'Namn' }, { reason: 'Namn' }, { text: 'x'.repeat(2001), reason: 'Namn' }, { text: 'Ny', reason: 'Namn', state: 'approved' }]) {
      expect((await decide(id, 'redact', payload)).statusCode).toBe(400)
    }
    expect(await auditOf(id)).toEqual([])
    expect((await queue()).items.map((i: { id: number }) => i.id)).toContain(id)
  })

  it('lets a decision be changed, and answers 409 for one that changes nothing', async () => {
    const id = await pin('Skymd sikt i korsningen')
    expect((await decide(id, 'approve')).statusCode).toBe(200)
    expect((await decide(id, 'approve')).json()).toMatchObject({ statusCode: 409, code: 'CONFLICT' })
    clock.advance(5 * MINUTE)
    expect((await decide(id, 'reject', { reason: 'Fel plats' })).statusCode).toBe(200)
    expect(await publicComment(id)).toBeNull()
    expect((await decide(id, 'reject')).statusCode).toBe(409)
    expect((await decide(id, 'approve')).statusCode).toBe(200)
    expect((await decide(id, 'redact', { text: 'Skymd sikt i korsningen', reason: 'Ingen ändring' })).statusCode).toBe(409)
    const actions = (await auditOf(id)).map((e: { action: string }) => e.action)
    expect(actions).toEqual(['comment.approve', 'comment.reject', 'comment.approve'])
  })

  it('answers 404 for a pin without a comment or that does not exist', async () => {
    const id = await pin(undefined)
    expect((await decide(id, 'approve')).json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' })
    expect((await decide(999_999_999, 'reject')).statusCode).toBe(404)
    expect((await decide(0, 'reject')).statusCode).toBe(400)
  })

  it('pages the audit log newest first', async () => {
    const all = (await admin.inject({ url: '/api/staff/audit?entityType=pin_comment' })).json().entries
    expect(all.length).toBeGreaterThanOrEqual(5)
    const ids = all.map((e: { id: number }) => e.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    const page = (await admin.inject({ url: `/api/staff/audit?entityType=pin_comment&limit=2&beforeId=${ids[1]}` })).json().entries
    expect(page.map((e: { id: number }) => e.id)).toEqual(ids.slice(2, 4))
  })
})
