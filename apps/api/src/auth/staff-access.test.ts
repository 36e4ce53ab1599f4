import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { sql } from 'kysely'
import { STAFF_ROLES, type StaffRole } from '@trygg/domain'
import { buildApp } from '../app.ts'
import { createApiKey } from '../api-keys/api-keys.queries.ts'
import { createImport } from '../imports/imports.queries.ts'
import { insertControl } from '../police/controls.queries.ts'
import { insertSnapshot } from '../police/snapshots.queries.ts'
import { insertPinInsideBoundary, newFollowToken } from '../pins/pins.queries.ts'
import { png } from '../../test/photo-fixtures.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, TEST_BOUNDARY, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { createCampaign } from '../municipality/municipality.setup.ts'
import { insertWalk } from '../walks/walks.queries.ts'
import { INJECT_ORIGIN, createStaff, login, type StaffAgent, type TestStaff } from '../../test/staff.ts'
import type { GuardedRoute } from './guarded-routes.ts'

type Tenant = 'A' | 'B'

interface Ctx {
  municipality: Record<Tenant, number>
  db: TestDb
  /** A new pin with a pending comment in the municipality. */
  pendingPin(t: Tenant): Promise<number>
  /** A new police account in the municipality. */
  account(t: Tenant): Promise<number>
  /** A new Open311 API key of the municipality. */
  apiKey(t: Tenant): Promise<number>
  /** A new campaign of the municipality. */
  campaign(t: Tenant): Promise<number>
  /** A new category of the municipality. */
  category(t: Tenant): Promise<number>
  /** A new action item in the municipality, assigned to the test partner's organisation. */
  actionItem(t: Tenant): Promise<number>
  /** Three new speeding pins close together: a traffic area. */
  trafficPins(t: Tenant): Promise<void>
  /** A new traffic control in the municipality. */
  control(t: Tenant): Promise<number>
  /** A new lägesbild snapshot in the municipality. */
  snapshot(t: Tenant): Promise<number>
  /** A new pin with a pending photo in the municipality. */
  pendingPhoto(t: Tenant): Promise<number>
}

interface Sample {
  /** A request an allowed role of municipality A gets 2xx for; with 'B' it targets B's data instead. */
  request(ctx: Ctx, target: Tenant): Promise<{ url?: string; payload?: object }>
  /** After staff of A sent the request aimed at B: proves that they saw and changed nothing of B. */
  isolated(ctx: Ctx, res: LightMyRequestResponse, target: { id?: number }): Promise<void>
}

const rowsOf = async (ctx: Ctx, table: 'pin' | 'staff_account' | 'audit_log' | 'api_key' | 'campaign' | 'category' | 'action_item' | 'police_control' | 'police_snapshot', ids: number[]) =>
  ids.length === 0
    ? []
    : (await sql<{ m: number }>`SELECT municipality_id AS m FROM ${sql.table(table)} WHERE id IN (${sql.join(ids)})`.execute(ctx.db.kysely)).rows.map((r) => r.m)

/** Each decision on B's comment answers 404 and leaves it pending. */
const decision = (verb: string, payload: object): Sample => ({
  async request(ctx, t) {
    const id = await ctx.pendingPin(t)
    return { url: `/api/staff/moderation/comments/${id}/${verb}`, payload }
  },
  async isolated(ctx, res, target) {
    expect(res.statusCode).toBe(404)
    const { rows } = await sql<{ s: string }>`SELECT comment_state AS s FROM pin WHERE id = ${target.id}`.execute(ctx.db.kysely)
    expect(rows[0]!.s).toBe('pending')
  },
})

/** Each decision on B's photo answers 404 and leaves it pending. */
const photoDecision = (verb: string, payload: object): Sample => ({
  async request(ctx, t) {
    const id = await ctx.pendingPhoto(t)
    return { url: `/api/staff/moderation/photos/${id}/${verb}`, payload }
  },
  async isolated(ctx, res, target) {
    expect(res.statusCode).toBe(404)
    const { rows } = await sql<{ s: string }>`SELECT state AS s FROM pin_photo WHERE pin_id = ${target.id}`.execute(ctx.db.kysely)
    expect(rows[0]!.s).toBe('pending')
  },
})

/** Acting on B's account answers 404 and changes nothing of it. */
const onAccount = (suffix: string, payload: object): Sample => ({
  async request(ctx, t) {
    const id = await ctx.account(t)
    return { url: `/api/staff/accounts/${id}${suffix}`, payload }
  },
  async isolated(ctx, res, target) {
    expect(res.statusCode).toBe(404)
    const row = await ctx.db.kysely.selectFrom('staff_account').selectAll().where('id', '=', target.id!).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ role: 'police', disabled_at: null })
    expect(row.updated_at.getTime()).toBe(row.created_at.getTime())
  },
})

/** Reading or changing B's action item answers 404 and changes nothing of it. */
const onActionItem = (method: 'GET' | 'PATCH', payload?: object): Sample => ({
  async request(ctx, t) {
    const id = await ctx.actionItem(t)
    return { url: `/api/staff/actions/${id}`, ...(payload ? { payload } : {}) }
  },
  async isolated(ctx, res, target) {
    expect([method, res.statusCode]).toEqual([method, 404])
    const row = await ctx.db.kysely.selectFrom('action_item').selectAll().where('id', '=', target.id!).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'proposed', municipality_id: ctx.municipality.B })
    expect(row.updated_at.getTime()).toBe(row.created_at.getTime())
  },
})

let emailSeq = 0

const CONTROL = { kind: 'speed_check', place: { type: 'Point', coordinates: [INSIDE.lon, INSIDE.lat] }, date: '2026-02-20', startTime: '07:00', endTime: '08:00', vehiclesChecked: 20, violations: 2 } as const

/** Acting on B's control answers 404 and leaves it as it was. */
const onControl = (suffix: string, payload?: object): Sample => ({
  async request(ctx, t) {
    const id = await ctx.control(t)
    return { url: `/api/police/controls/${id}${suffix}`, ...(payload ? { payload } : {}) }
  },
  async isolated(ctx, res, target) {
    expect(res.statusCode).toBe(404)
    const row = await ctx.db.kysely.selectFrom('police_control').selectAll().where('id', '=', target.id!).executeTakeFirstOrThrow()
    expect([row.violations, row.updated_at.getTime()]).toEqual([2, row.created_at.getTime()])
  },
})

/** Reading B's snapshot answers 404. */
const onSnapshot = (suffix: string): Sample => ({
  async request(ctx, t) {
    return { url: `/api/police/snapshots/${await ctx.snapshot(t)}${suffix}` }
  },
  async isolated(_ctx, res) {
    expect(res.statusCode).toBe(404)
  },
})

/**
 * One sample per staff route. A route without one fails the matrix test: adding a staff route
 * means saying here how it is used and how it stays within its municipality.

/**
 * One sample per staff route. A route without one fails the matrix test: adding a staff route
 * means saying here how it is used and how it stays within its municipality.
 */
const WALK = {
  name: 'Kvällsvandring',
  startsAt: '2027-05-01T17:00:00Z',
  endsAt: '2027-05-01T19:00:00Z',
  route: { type: 'LineString' as const, coordinates: [[13.09, 55.79], [13.1, 55.8]] },
  meetingPoint: { type: 'Point' as const, coordinates: [13.09, 55.79] },
}

/** A new physical walk of the municipality. */
const plannedWalk = (ctx: Ctx, t: Tenant) => insertWalk(ctx.db.kysely, ctx.municipality[t], WALK)

const SAMPLES: Record<string, Sample> = {
  'GET /api/staff/moderation/queue': {
    request: async () => ({}),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids = res.json().items.map((i: { id: number }) => i.id)
      expect(ids.length).toBeGreaterThan(0)
      expect(new Set(await rowsOf(ctx, 'pin', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'POST /api/staff/moderation/comments/:pinId/approve': decision('approve', {}),
  'POST /api/staff/moderation/comments/:pinId/reject': decision('reject', { reason: 'Off topic' }),
  'POST /api/staff/moderation/comments/:pinId/redact': decision('redact', { text: 'Mörkt vid [namn]', reason: 'Namn' }),
  'POST /api/staff/moderation/photos/:pinId/approve': photoDecision('approve', {}),
  'POST /api/staff/moderation/photos/:pinId/reject': photoDecision('reject', { reason: 'Shows a face' }),
  'POST /api/staff/moderation/photos/:pinId/redact': photoDecision('redact', { reason: 'Face', blur: [{ x: 2, y: 2, width: 10, height: 10 }], approve: true }),
  'GET /api/staff/moderation/photos/:pinId': {
    async request(ctx, t) {
      return { url: `/api/staff/moderation/photos/${await ctx.pendingPhoto(t)}` }
    },
    async isolated(_ctx, res) {
      expect(res.statusCode).toBe(404)
      expect(res.headers['content-type']).not.toBe('image/jpeg')
    },
  },
  'PUT /api/staff/settings/background-questions': {
    request: async () => ({ payload: { enabled: true } }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ m: number; on: boolean | null }>`
        SELECT municipality_id AS m, (settings->>'backgroundQuestions')::boolean AS on FROM municipality`.execute(ctx.db.kysely)
      expect(rows.find((r) => r.m === ctx.municipality.B)!.on).not.toBe(true)
    },
  },
  'GET /api/staff/statistics/background': {
    request: async () => ({ url: '/api/staff/statistics/background?by=gender' }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      // B's municipality has six answers from men; none of them may show for A's staff.
      expect(res.json().groups).toEqual([])
    },
  },
  'GET /api/staff/audit': {
    request: async () => ({}),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids = res.json().entries.map((e: { id: number }) => e.id)
      expect(ids.length).toBeGreaterThan(0)
      expect(new Set(await rowsOf(ctx, 'audit_log', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'GET /api/staff/accounts': {
    request: async () => ({}),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids = res.json().accounts.map((a: { id: number }) => a.id)
      expect(new Set(await rowsOf(ctx, 'staff_account', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'POST /api/staff/accounts': {
    request: async () => ({ payload: { email: `new-${++emailSeq}@trygg.test`, role: 'planner' } }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(201)
      expect(await rowsOf(ctx, 'staff_account', [res.json().account.id])).toEqual([ctx.municipality.A])
    },
  },
  'PATCH /api/staff/accounts/:id': onAccount('', { role: 'planner', disabled: true }),
  'GET /api/staff/api-keys': {
    request: async (ctx) => {
      await ctx.apiKey('A')
      return {}
    },
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids = res.json().apiKeys.map((k: { id: number }) => k.id)
      expect(ids.length).toBeGreaterThan(0)
      expect(new Set(await rowsOf(ctx, 'api_key', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'POST /api/staff/api-keys': {
    request: async () => ({ payload: { name: 'Fixa min gata' } }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(201)
      expect(await rowsOf(ctx, 'api_key', [res.json().apiKey.id])).toEqual([ctx.municipality.A])
    },
  },
  'POST /api/staff/api-keys/:id/revoke': {
    async request(ctx, t) {
      return { url: `/api/staff/api-keys/${await ctx.apiKey(t)}/revoke`, payload: {} }
    },
    async isolated(ctx, res, target) {
      expect(res.statusCode).toBe(404)
      const row = await ctx.db.kysely.selectFrom('api_key').select('revoked_at').where('id', '=', target.id!).executeTakeFirstOrThrow()
      expect(row.revoked_at).toBeNull()
    },
  },
  'GET /api/staff/campaigns': {
    request: async () => ({}),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids = res.json().campaigns.map((c: { id: number }) => c.id)
      expect(ids.length).toBeGreaterThan(0)
      expect(new Set(await rowsOf(ctx, 'campaign', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'POST /api/staff/campaigns': {
    request: async () => ({ payload: { kind: 'digital', name: 'Vårvandring', startsAt: '2027-04-01T00:00:00Z', endsAt: '2027-04-30T00:00:00Z' } }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(201)
      expect(await rowsOf(ctx, 'campaign', [res.json().id])).toEqual([ctx.municipality.A])
    },
  },
  'PATCH /api/staff/campaigns/:id': {
    async request(ctx, t) {
      return { url: `/api/staff/campaigns/${await ctx.campaign(t)}`, payload: { name: 'Omdöpt' } }
    },
    async isolated(ctx, res, target) {
      expect(res.statusCode).toBe(404)
      const row = await ctx.db.kysely.selectFrom('campaign').select('name').where('id', '=', target.id!).executeTakeFirstOrThrow()
      expect(row.name).toBe('Kampanj')
    },
  },
  'GET /api/staff/walks': {
    request: async (ctx, t) => {
      await plannedWalk(ctx, 'A')
      await plannedWalk(ctx, t)
      return {}
    },
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids = res.json().walks.map((w: { id: number }) => w.id)
      expect(ids.length).toBeGreaterThan(0)
      expect(new Set(await rowsOf(ctx, 'campaign', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'POST /api/staff/walks': {
    request: async () => ({ payload: WALK }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(201)
      expect(await rowsOf(ctx, 'campaign', [res.json().id])).toEqual([ctx.municipality.A])
    },
  },
  'GET /api/staff/walks/:id/protocol': {
    async request(ctx, t) {
      return { url: `/api/staff/walks/${await plannedWalk(ctx, t)}/protocol` }
    },
    async isolated(_ctx, res) {
      expect(res.statusCode).toBe(404)
    },
  },
  'GET /api/staff/categories': {
    request: async () => ({}),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids = res.json().categories.map((c: { id: number }) => c.id)
      expect(ids.length).toBeGreaterThan(0)
      expect(new Set(await rowsOf(ctx, 'category', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'POST /api/staff/categories': {
    request: async () => ({ payload: { key: `k${++emailSeq}`, labelSv: 'Ny', labelEn: 'New', group: 'other' } }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(201)
      expect(await rowsOf(ctx, 'category', [res.json().id])).toEqual([ctx.municipality.A])
    },
  },
  'PATCH /api/staff/categories/:id': {
    async request(ctx, t) {
      return { url: `/api/staff/categories/${await ctx.category(t)}`, payload: { labelSv: 'Ändrad' } }
    },
    async isolated(ctx, res, target) {
      expect(res.statusCode).toBe(404)
      const row = await ctx.db.kysely.selectFrom('category').select('label_sv').where('id', '=', target.id!).executeTakeFirstOrThrow()
      expect(row.label_sv).toBe('Kategori')
    },
  },
  'PUT /api/staff/municipality/boundary': {
    // Only the caller's own boundary can be addressed; B's stays as it was.
    request: async () => ({ payload: TEST_BOUNDARY }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ m: number; same: boolean }>`
        SELECT municipality_id AS m, ST_Equals(boundary, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(TEST_BOUNDARY)}), 4326))) AS same
          FROM municipality WHERE municipality_id IN (${ctx.municipality.A}, ${ctx.municipality.B}) ORDER BY municipality_id`.execute(ctx.db.kysely)
      expect(rows.every((r) => r.same)).toBe(true)
      const audit = await ctx.db.kysely.selectFrom('audit_log').select('municipality_id').where('action', '=', 'municipality.boundary').execute()
      expect(new Set(audit.map((a) => a.municipality_id))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'GET /api/staff/hotspots': {
    request: async () => ({ url: '/api/staff/hotspots?method=dbscan&eps=50&minPoints=2' }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids: number[] = res.json().features.flatMap((f: { properties: { pins: { id: number }[] } }) => f.properties.pins.map((p) => p.id))
      expect(ids.length).toBeGreaterThan(0)
      expect(new Set(await rowsOf(ctx, 'pin', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'GET /api/staff/hotspots/heat': {
    request: async () => ({}),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin WHERE municipality_id = ${ctx.municipality.A} AND moderation = 'published'`.execute(ctx.db.kysely)
      expect(res.json().pinCount).toBe(rows[0]!.n)
      expect(res.json().points).toHaveLength(rows[0]!.n)
    },
  },
  'GET /api/staff/hotspots/options': {
    request: async () => ({}),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ name: string }>`SELECT name FROM campaign WHERE municipality_id = ${ctx.municipality.A} ORDER BY id`.execute(ctx.db.kysely)
      expect(res.json().campaigns.map((c: { name: string }) => c.name).sort()).toEqual(rows.map((r) => r.name).sort())
    },
  },
  'GET /api/staff/pins/export': {
    request: async () => ({ url: '/api/staff/pins/export?format=geojson' }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids: number[] = res.json().features.map((f: { id: number }) => f.id)
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin WHERE municipality_id = ${ctx.municipality.A} AND moderation = 'published'`.execute(ctx.db.kysely)
      expect(ids).toHaveLength(rows[0]!.n)
      expect(new Set(await rowsOf(ctx, 'pin', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'POST /api/staff/imports': {
    request: async (ctx, t) => ({ payload: { fileName: 'vandring.csv', totalRows: 1, campaign: await ctx.campaign(t) } }),
    async isolated(ctx, res) {
      // B's campaign is unknown in A: refused, and no import joins it.
      expect([res.statusCode, res.json().fields?.[0]?.field]).toEqual([400, 'campaign'])
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM pin_import AS i JOIN campaign AS c ON c.id = i.campaign_id
         WHERE i.municipality_id = ${ctx.municipality.A} AND c.municipality_id = ${ctx.municipality.B}`.execute(ctx.db.kysely)
      expect(rows[0]!.n).toBe(0)
    },
  },
  'POST /api/staff/imports/:id/rows': {
    async request(ctx, t) {
      const id = await createImport(ctx.db.kysely, { municipalityId: ctx.municipality[t], fileName: 'vandring.csv', totalRows: 1, campaignId: null, byDate: false, createdBy: null, at: new Date() })
      return { url: `/api/staff/imports/${id}/rows`, payload: { firstRow: 1, rows: [{ lat: String(INSIDE.lat), lon: String(INSIDE.lon), category: 'lighting', date: '2024-09-01' }] } }
    },
    async isolated(ctx, res, target) {
      expect(res.statusCode).toBe(404)
      const run = await ctx.db.kysely.selectFrom('pin_import').select(['rows_received', 'added']).where('id', '=', target.id!).executeTakeFirstOrThrow()
      expect(run).toEqual({ rows_received: 0, added: 0 })
    },
  },
  'POST /api/staff/accounts/:id/password': onAccount('/password', {}),
  'GET /api/staff/actions/options': {
    request: async () => ({}),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ key: string }>`SELECT key FROM action_focus_area WHERE municipality_id = ${ctx.municipality.A} ORDER BY sort_order`.execute(ctx.db.kysely)
      expect(res.json().focusAreas.map((f: { key: string }) => f.key)).toEqual(rows.map((r) => r.key))
      expect(res.json().partnerOrganisations).toEqual(['Testbostäder'])
    },
  },
  'PUT /api/staff/actions/options': {
    request: async () => ({
      payload: {
        focusAreas: [
          { key: 'public_space', labelSv: 'Trygghet i offentlig miljö', labelEn: 'Safety in public space', active: true },
          { key: 'traffic', labelSv: 'Trafik', labelEn: 'Traffic', active: true },
          { key: 'youth', labelSv: 'Unga', labelEn: 'Young people', active: true },
        ],
      },
    }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ m: number }>`SELECT municipality_id AS m FROM action_focus_area WHERE key = 'youth'`.execute(ctx.db.kysely)
      expect(rows.map((r) => r.m)).toEqual([ctx.municipality.A])
    },
  },
  'GET /api/staff/actions': {
    request: async (ctx, t) => {
      await ctx.actionItem(t)
      return {}
    },
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids = res.json().items.map((i: { id: number }) => i.id)
      expect(ids.length).toBeGreaterThan(0)
      expect(new Set(await rowsOf(ctx, 'action_item', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'GET /api/staff/actions/export.csv': {
    request: async (ctx, t) => {
      await ctx.actionItem(t)
      return {}
    },
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids = res.body.split('\r\n').slice(1, -1).map((line) => Number(line.split(',')[0]))
      expect(ids.length).toBeGreaterThan(0)
      expect(new Set(await rowsOf(ctx, 'action_item', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'GET /api/staff/actions/export.geojson': {
    request: async (ctx, t) => {
      const id = await ctx.actionItem(t)
      await sql`UPDATE action_item SET area = ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(13.1, 55.8), 4326), 0.001)), area_source = 'drawn' WHERE id = ${id}`.execute(ctx.db.kysely)
      return {}
    },
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids = res.json().features.map((f: { id: number }) => f.id)
      expect(ids.length).toBeGreaterThan(0)
      expect(new Set(await rowsOf(ctx, 'action_item', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'POST /api/staff/actions': {
    request: async (ctx, t) => ({ payload: { title: 'Ny belysning', focusArea: 'public_space', organisation: 'municipality', pinIds: [await ctx.pendingPin(t)] } }),
    async isolated(ctx, res) {
      // B's pin is unknown in A: refused, and nothing is created.
      expect(res.statusCode).toBe(400)
      expect(res.json().fields[0].field).toBe('pinIds')
    },
  },
  'GET /api/staff/actions/:id': onActionItem('GET'),
  'GET /api/staff/follow-up': {
    request: async (ctx, t) => {
      await ctx.actionItem(t)
      return { url: '/api/staff/follow-up?year=2026' }
    },
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM action_item WHERE municipality_id = ${ctx.municipality.A}`.execute(ctx.db.kysely)
      const counted = res.json().actionPlan.byFocusArea.reduce((n: number, f: { counts: Record<string, number> }) => n + Object.values(f.counts).reduce((a, b) => a + b, 0), 0)
      expect(counted).toBe(rows[0]!.n)
    },
  },
  'GET /api/staff/statistics': {
    request: async (ctx, t) => {
      await ctx.pendingPin(t)
      return { url: `/api/staff/statistics` }
    },
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ name: string }>`SELECT name FROM campaign WHERE municipality_id = ${ctx.municipality.A} ORDER BY starts_at DESC LIMIT 1`.execute(ctx.db.kysely)
      expect(res.json().campaign.name).toBe(rows[0]!.name)
      const { rows: pins } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin WHERE municipality_id = ${ctx.municipality.A} AND moderation = 'published'`.execute(ctx.db.kysely)
      const total = res.json().years.reduce((n: number, y: { byCategory: Record<string, number> }) => n + Object.values(y.byCategory).reduce((a, b) => a + b, 0), 0)
      expect(total).toBe(pins[0]!.n)
    },
  },
  'PUT /api/staff/indicators/:year': {
    request: async () => ({ url: '/api/staff/indicators/2024', payload: { feelSafeShare: 70, reportedCrimes: 900 } }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const { rows } = await sql<{ m: number }>`SELECT municipality_id AS m FROM yearly_indicator WHERE year = 2024`.execute(ctx.db.kysely)
      expect(rows.map((r) => r.m)).toEqual([ctx.municipality.A])
    },
  },
  'PATCH /api/staff/actions/:id': onActionItem('PATCH', { status: 'planned' }),
  'GET /api/police/areas': {
    async request(ctx, t) {
      await ctx.trafficPins('A')
      if (t === 'B') await ctx.trafficPins('B')
      return {}
    },
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids: number[] = res.json().features.flatMap((f: { properties: { pinIds: number[] } }) => f.properties.pinIds)
      expect(ids.length).toBeGreaterThan(0)
      expect(new Set(await rowsOf(ctx, 'pin', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'GET /api/police/controls': {
    async request(ctx, t) {
      await ctx.control('A')
      await ctx.control(t)
      return {}
    },
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids = res.json().controls.map((c: { id: number }) => c.id)
      expect(ids.length).toBeGreaterThan(0)
      expect(new Set(await rowsOf(ctx, 'police_control', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'POST /api/police/controls': {
    request: async () => ({ payload: CONTROL }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(201)
      expect(await rowsOf(ctx, 'police_control', [res.json().id])).toEqual([ctx.municipality.A])
    },
  },
  'PATCH /api/police/controls/:id': onControl('', { violations: 5 }),
  'DELETE /api/police/controls/:id': onControl(''),
  'GET /api/police/controls/:id/effect': onControl('/effect'),
  'GET /api/police/actions/:id/effect': {
    async request(ctx, t) {
      const id = await ctx.actionItem(t)
      const area = sql`ST_Multi(ST_MakeEnvelope(13.09::float8, 55.79::float8, 13.11::float8, 55.81::float8, 4326))`
      await sql`UPDATE action_item SET status = 'done', completed_at = now(), area = ${area}, area_source = 'drawn' WHERE id = ${id}`.execute(ctx.db.kysely)
      return { url: `/api/police/actions/${id}/effect` }
    },
    async isolated(_ctx, res) {
      expect(res.statusCode).toBe(404)
    },
  },
  'GET /api/police/snapshots': {
    async request(ctx, t) {
      await ctx.snapshot('A')
      await ctx.snapshot(t)
      return {}
    },
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(200)
      const ids = res.json().snapshots.map((s: { id: number }) => s.id)
      expect(ids.length).toBeGreaterThan(0)
      expect(new Set(await rowsOf(ctx, 'police_snapshot', ids))).toEqual(new Set([ctx.municipality.A]))
    },
  },
  'POST /api/police/snapshots': {
    request: async () => ({ payload: { name: 'Lägesbild' } }),
    async isolated(ctx, res) {
      expect(res.statusCode).toBe(201)
      expect(await rowsOf(ctx, 'police_snapshot', [res.json().id])).toEqual([ctx.municipality.A])
      const ids: number[] = res.json().controls.map((c: { id: number }) => c.id)
      expect(new Set(await rowsOf(ctx, 'police_control', ids))).toEqual(new Set(ids.length ? [ctx.municipality.A] : []))
    },
  },
  'GET /api/police/snapshots/:id': onSnapshot(''),
  'GET /api/police/snapshots/:id/export.geojson': onSnapshot('/export.geojson'),
  'GET /api/police/snapshots/:id/export.csv': onSnapshot('/export.csv'),
  'POST /api/staff/pins/:id/status': {
    async request(ctx, t) {
      return { url: `/api/staff/pins/${await ctx.pendingPin(t)}/status`, payload: { status: 'reviewed' } }
    },
    async isolated(ctx, res, target) {
      expect(res.statusCode).toBe(404)
      const { rows } = await sql<{ s: string; n: number }>`
        SELECT p.status AS s, (SELECT count(*)::int FROM pin_status_event AS e WHERE e.pin_id = p.id) AS n FROM pin AS p WHERE p.id = ${target.id}`.execute(ctx.db.kysely)
      expect(rows[0]).toEqual({ s: 'received', n: 0 })
    },
  },
}

const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`

describe.each(ENGINES)('staff routes: roles and municipalities on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let ctx: Ctx
  const staff: Record<Tenant, Partial<Record<StaffRole, TestStaff>>> = { A: {}, B: {} }
  const agents: Record<Tenant, Partial<Record<StaffRole, StaffAgent>>> = { A: {}, B: {} }
  let routes: readonly GuardedRoute[]
  let appB: FastifyInstance
  let photoDir: string

  beforeAll(async () => {
    db = await openTestDb(engine)
    const a = await seedTestMunicipality(db.kysely, 'kommun-a', 'Kommun A')
    const b = await seedTestMunicipality(db.kysely, 'kommun-b', 'Kommun B')
    const municipality = { A: a.municipalityId, B: b.municipalityId }
    const lighting = async (m: number) =>
      (await db.kysely.selectFrom('category').select('id').where('municipality_id', '=', m).where('key', '=', 'lighting').executeTakeFirstOrThrow()).id
    const categories = { A: await lighting(municipality.A), B: await lighting(municipality.B) }
    const speedingOf = async (m: number) =>
      (await db.kysely.selectFrom('category').select('id').where('municipality_id', '=', m).where('key', '=', 'speeding').executeTakeFirstOrThrow()).id
    const speeding = { A: await speedingOf(municipality.A), B: await speedingOf(municipality.B) }
    let accountSeq = 0
    ctx = {
      municipality,
      db,
      async pendingPin(t) {
        const pin = { ...INSIDE, category: 'lighting', severity: 3, timesOfDay: ['night' as const], comment: `Kommentar i ${t}` }
        return (await insertPinInsideBoundary(db.kysely, { municipalityId: municipality[t], categoryId: categories[t], campaignId: null, pin, source: 'web', followTokenHash: null }))!
      },
      async account(t) {
        return (await createStaff(db.kysely, municipality[t], 'police', { email: `police-${t}-${++accountSeq}@trygg.test` })).id
      },
      async campaign(t) {
        return createCampaign(db.kysely, { municipalityId: municipality[t], kind: 'digital', name: 'Kampanj', startsAt: new Date('2027-01-01T00:00:00Z'), endsAt: new Date('2027-02-01T00:00:00Z') })
      },
      async category(t) {
        const row = await db.kysely
          .insertInto('category')
          .values({ municipality_id: municipality[t], key: `c${++accountSeq}`, label_sv: 'Kategori', label_en: 'Category', group_key: 'other', sensitive: false, active: true, sort_order: 99 })
          .returning('id')
          .executeTakeFirstOrThrow()
        return row.id
      },
      async actionItem(t) {
        const at = new Date('2026-01-01T00:00:00Z')
        const row = await db.kysely
          .insertInto('action_item')
          .values({ municipality_id: municipality[t], title: `Åtgärd i ${t}`, focus_area_key: 'traffic', organisation_key: 'property_owner', partner_organisation: 'Testbostäder', created_at: at, updated_at: at })
          .returning('id')
          .executeTakeFirstOrThrow()
        return row.id
      },
      async apiKey(t) {
        return (await createApiKey(db.kysely, { name: `Nyckel ${t}`, municipalityId: municipality[t] })).info.id
      },
      async trafficPins(t) {
        for (const d of [0, 0.0001, 0.0002]) {
          const pin = { lat: INSIDE.lat + d, lon: INSIDE.lon, category: 'speeding', severity: 4, timesOfDay: ['evening' as const] }
          await insertPinInsideBoundary(db.kysely, { municipalityId: municipality[t], categoryId: speeding[t], campaignId: null, pin, source: 'web', followTokenHash: null })
        }
      },
      async control(t) {
        const at = new Date('2026-02-21T10:00:00Z')
        return insertControl(db.kysely, municipality[t], { ...CONTROL, place: { ...CONTROL.place, coordinates: [...CONTROL.place.coordinates] }, notes: null, area: null, actionItemId: null }, await ctx.account(t), at)
      },
      async snapshot(t) {
        const diff = { previousId: null, counts: { new: 0, grown: 0, shrunk: 0, unchanged: 0, gone: 0 }, changes: [] }
        const parameters = { eps: 75, minPoints: 3, categories: ['speeding'], from: null, to: null }
        return insertSnapshot(db.kysely, { municipalityId: municipality[t], name: `Lägesbild ${t}`, takenAt: new Date(), createdBy: await ctx.account(t), previousId: null, parameters, areas: [], controls: [], diff })
      },
      async pendingPhoto(t) {
        const follow = newFollowToken()
        const pin = { ...INSIDE, category: 'lighting', severity: 3, timesOfDay: ['night' as const] }
        const id = (await insertPinInsideBoundary(db.kysely, { municipalityId: municipality[t], categoryId: categories[t], campaignId: null, pin, source: 'web', followTokenHash: follow.hash }))!
        const slug = t === 'A' ? 'kommun-a' : 'kommun-b'
        const served = slug === 'kommun-a' ? app : appB
        const res = await served.inject({ method: 'POST', url: `/api/pins/${id}/photo`, payload: await png(32, 32), headers: { 'content-type': 'image/png', 'x-follow-token': follow.token } })
        expect(res.statusCode).toBe(201)
        return id
      },
    }
    photoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-staff-access-photos-'))
    app = await buildApp({ config: testConfig({ photoDir, municipality: 'kommun-a' }), db })
    appB = await buildApp({ config: testConfig({ photoDir, municipality: 'kommun-b' }), db })
    routes = app.guardedRoutes
    for (const t of ['A', 'B'] as const) {
      for (const role of STAFF_ROLES) {
        staff[t][role] = await createStaff(db.kysely, municipality[t], role, { email: `${role}@${t.toLowerCase()}.trygg.test` })
        agents[t][role] = await login(app, staff[t][role]!)
      }
      await ctx.pendingPin(t)
      if (t === 'B') {
        for (let i = 0; i < 6; i++) {
          const id = await ctx.pendingPin(t)
          await db.kysely.insertInto('pin_background').values({ municipality_id: municipality.B, pin_id: id, age_band: null, gender: 'man' }).execute()
        }
      }
      // B gets audit entries of its own: a decision by its moderator.
      const id = await ctx.pendingPin(t)
      await agents[t].moderator!.inject({ method: 'POST', url: `/api/staff/moderation/comments/${id}/approve`, payload: {} })
    }
  })
  afterAll(async () => {
    await app?.close()
    await appB?.close()
    await db?.close()
    if (photoDir) fs.rmSync(photoDir, { recursive: true, force: true })
  })

  it('knows every staff route, with the roles its OpenAPI operation declares, and a sample for each', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(8)
    const doc = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, { 'x-roles'?: string[]; security?: unknown }>> }
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      /^\/api\/(staff|police|partner)(\/|$)/.test(path) ? Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), url: path, roles: op['x-roles'] })) : [],
    )
    const registered = routes.map((r) => ({ method: r.method, url: r.url.replace(/:(\w+)/g, '{$1}'), roles: [...r.roles] }))
    expect(documented.sort((x, y) => routeKey(x).localeCompare(routeKey(y)))).toEqual(registered.sort((x, y) => routeKey(x).localeCompare(routeKey(y))))
    expect(routes.map(routeKey).filter((k) => !SAMPLES[k])).toEqual([])
  })

  it('refuses to register a staff route that declares no roles', async () => {
    const other = await buildApp({ config: testConfig(), db })
    expect(() => other.get('/api/staff/forgotten', async () => 'x')).toThrow(/declares no roles/)
    expect(() => other.get('/api/police/forgotten', { config: { roles: [] } }, async () => 'x')).toThrow(/declares no roles/)
    expect(() => other.get('/api/partner/forgotten', { config: { roles: ['guest' as StaffRole] } }, async () => 'x')).toThrow(/unknown roles/)
    await other.close()
  })

  it.each(['anonymous', ...STAFF_ROLES] as const)('answers %s on every staff route: 401, 403 or 2xx as declared, never cached', async (caller) => {
    const expected: Record<string, string> = {}
    const actual: Record<string, string> = {}
    for (const route of routes) {
      const key = routeKey(route)
      const sample = await SAMPLES[key]!.request(ctx, 'A')
      const options = { method: route.method as 'GET', url: sample.url ?? route.url, ...(sample.payload ? { payload: sample.payload } : {}) }
      const res = caller === 'anonymous' ? await app.inject({ ...options, headers: { origin: INJECT_ORIGIN } }) : await agents.A[caller]!.inject(options)
      expected[key] = caller === 'anonymous' ? '401' : route.roles.includes(caller) ? '2xx' : '403'
      actual[key] = res.statusCode >= 200 && res.statusCode < 300 ? '2xx' : String(res.statusCode)
      if (actual[key] === '403') expect(res.json().code).toBe('FORBIDDEN')
      expect([key, res.headers['cache-control']]).toEqual([key, 'no-store'])
    }
    expect(actual).toEqual(expected)
    console.log(`${caller}: ${routes.length} staff routes checked`)
  })

  it('refuses every state-changing staff route without the CSRF token or from another origin', async () => {
    const changing = routes.filter((r) => r.method !== 'GET')
    expect(changing.length).toBeGreaterThan(0)
    for (const route of changing) {
      const role = route.roles[0]!
      const a = agents.A[role]!
      for (const headers of [{ cookie: a.cookie, origin: INJECT_ORIGIN }, { cookie: a.cookie, origin: 'https://evil.example', 'x-csrf-token': a.csrf }]) {
        const sample = await SAMPLES[routeKey(route)]!.request(ctx, 'A')
        const res = await app.inject({ method: route.method as 'POST', url: sample.url ?? route.url, payload: sample.payload ?? {}, headers })
        expect([routeKey(route), res.statusCode, res.json().code]).toEqual([routeKey(route), 403, 'CSRF_REJECTED'])
      }
    }
  })

  it("keeps every staff route within the caller's municipality", async () => {
    for (const route of routes) {
      const sample = SAMPLES[routeKey(route)]!
      const request = await sample.request(ctx, 'B')
      const targetId = Number(/\/(\d+)(\/|$)/.exec(request.url ?? '')?.[1]) || undefined
      for (const role of route.roles) {
        const again = role === route.roles[0] ? request : await sample.request(ctx, 'B')
        const id = Number(/\/(\d+)(\/|$)/.exec(again.url ?? '')?.[1]) || targetId
        const res = await agents.A[role]!.inject({ method: route.method as 'GET', url: again.url ?? route.url, ...(again.payload ? { payload: again.payload } : {}) })
        await sample.isolated(ctx, res, { id })
      }
    }
  })
})
