import { expect } from 'vitest'
import { sql } from 'kysely'
import type { LightMyRequestResponse } from 'fastify'
import type { TestDb } from './test-db.ts'

/** The two municipalities of the test: staff of A act, B's data must stay out of their reach. */
export type Tenant = 'A' | 'B'

/** What the samples may use: the database and makers of new rows in either municipality. */
export interface SampleContext {
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

/** How one staff route is used, and how a request aimed at the other municipality is proven harmless. */
export interface Sample {
  /** A request an allowed role of municipality A gets 2xx for; with 'B' it targets B's data instead. */
  request(ctx: SampleContext, target: Tenant): Promise<{ url?: string; payload?: object }>
  /** After staff of A sent the request aimed at B: proves that they saw and changed nothing of B. */
  isolated(ctx: SampleContext, res: LightMyRequestResponse, target: { id?: number }): Promise<void>
}

/** A table whose rows belong to one municipality. */
type OwnedTable = 'pin' | 'staff_account' | 'audit_log' | 'api_key' | 'campaign' | 'category' | 'action_item' | 'police_control' | 'police_snapshot'

/** The municipality of each of these rows of `table`. */
export const rowsOf = async (ctx: SampleContext, table: OwnedTable, ids: number[]) =>
  ids.length === 0
    ? []
    : (await sql<{ m: number }>`SELECT municipality_id AS m FROM ${sql.table(table)} WHERE id IN (${sql.join(ids)})`.execute(ctx.db.kysely)).rows.map((r) => r.m)

/**
 * Samples keyed by route, as `'GET /api/staff/walks'`. Each feature keeps those of its staff routes
 * beside it in `<feature>.access.ts`; apps/api/src/auth/staff-access.test.ts joins them.
 */
export type Samples = Record<string, Sample>

/**
 * The `isolated` check of a list: it answers 200 with at least one row of `table`, every one
 * of them of A. `idsOf` reads the row ids from the response.
 *
 * @example isolated: listsOwnRows('campaign', (res) => res.json().campaigns.map((c: { id: number }) => c.id))
 */
export const listsOwnRows =
  (table: OwnedTable, idsOf: (res: LightMyRequestResponse) => number[]): Sample['isolated'] =>
  async (ctx, res) => {
    expect(res.statusCode).toBe(200)
    const ids = idsOf(res)
    expect(ids.length).toBeGreaterThan(0)
    expect(new Set(await rowsOf(ctx, table, ids))).toEqual(new Set([ctx.municipality.A]))
  }

/**
 * The `isolated` check of a create: it answers 201 and the new row of `table` is A's.
 * `idOf` reads its id from the response (default: the body's `id`).
 */
export const createsOwnRow =
  (table: OwnedTable, idOf: (res: LightMyRequestResponse) => number = (res) => res.json().id): Sample['isolated'] =>
  async (ctx, res) => {
    expect(res.statusCode).toBe(201)
    expect(await rowsOf(ctx, table, [idOf(res)])).toEqual([ctx.municipality.A])
  }
