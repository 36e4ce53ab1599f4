import { sql, type Kysely } from 'kysely'
import { timesOfDayToMask, type PinStatus } from '@trygg/domain'
import type { Database } from '../db/schema.ts'
import type { RequestsFilter } from './requests-filter.ts'
import type { PinAttributes } from './service-definition.ts'

/** GeoReport status of each pin status: open until the pin is done or will not be done. */
export const STATUS_OF: Readonly<Record<PinStatus, 'open' | 'closed'>> = Object.freeze({
  received: 'open',
  reviewed: 'open',
  action_planned: 'open',
  done: 'closed',
  not_done: 'closed',
})

const pinStatusesOf = (status: 'open' | 'closed') => (Object.keys(STATUS_OF) as PinStatus[]).filter((s) => STATUS_OF[s] === status)

export interface RequestRow {
  id: number
  category_id: number
  lon: number
  lat: number
  comment: string | null
  comment_state: 'none' | 'pending' | 'approved' | 'rejected'
  status: PinStatus
  created_at: Date
  updated_at: Date
}

const columns = sql`p.id, p.category_id, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat, p.comment, p.comment_state,
                    p.status, p.created_at, p.updated_at`

/**
 * One page of the municipality's published pins matching the filter, newest first, and
 * whether another page follows.
 */
export async function findRequests(db: Kysely<Database>, municipalityId: number, f: RequestsFilter): Promise<{ rows: RequestRow[]; more: boolean }> {
  const where =
    f.kind === 'ids'
      ? sql`AND p.id IN (${sql.join(f.ids)})`
      : sql`AND p.created_at >= ${f.from} AND p.created_at <= ${f.to}
            ${f.serviceCodes === null ? sql`` : sql`AND c.key IN (${sql.join(f.serviceCodes)})`}
            ${f.statuses === null ? sql`` : sql`AND p.status IN (${sql.join(f.statuses.flatMap(pinStatusesOf))})`}`
  const { rows } = await sql<RequestRow>`
    SELECT ${columns}
      FROM pin AS p
      JOIN category AS c ON c.municipality_id = p.municipality_id AND c.id = p.category_id
     WHERE p.municipality_id = ${municipalityId} AND p.moderation = 'published'
       ${where}
     ORDER BY p.created_at DESC, p.id DESC
     LIMIT ${f.pageSize + 1} OFFSET ${(f.page - 1) * f.pageSize}`.execute(db)
  return { rows: rows.slice(0, f.pageSize), more: rows.length > f.pageSize }
}

/** One published pin of the municipality. */
export async function findRequest(db: Kysely<Database>, municipalityId: number, id: number): Promise<RequestRow | undefined> {
  const { rows } = await sql<RequestRow>`
    SELECT ${columns} FROM pin AS p
     WHERE p.municipality_id = ${municipalityId} AND p.id = ${id} AND p.moderation = 'published'`.execute(db)
  return rows[0]
}

/** The published pin of the municipality that a follow token (by its hash) belongs to. */
export async function findRequestIdByTokenHash(db: Kysely<Database>, municipalityId: number, hash: Buffer): Promise<number | undefined> {
  const row = await db
    .selectFrom('pin')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('follow_token_hash', '=', hash)
    .where('moderation', '=', 'published')
    .executeTakeFirst()
  return row?.id
}

export interface NewRequest extends PinAttributes {
  municipalityId: number
  categoryId: number
  campaignId: number | null
  apiKeyId: number
  lat: number
  lon: number
  /** The description; pending moderation when not blank. */
  comment: string | null
  createdAt: Date
}

/**
 * Stores a request as a pin (source `open311`) if its point lies inside the municipality's
 * boundary, in one statement. Returns the new id, or undefined when the point is outside.
 */
export async function insertRequestInsideBoundary(db: Kysely<Database>, r: NewRequest): Promise<number | undefined> {
  const comment = r.comment?.trim() ? r.comment : null
  const { rows } = await sql<{ id: number }>`
    INSERT INTO pin (municipality_id, campaign_id, category_id, geom, severity, times_of_day, day_type,
                     comment, comment_state, source, api_key_id, created_at, updated_at)
    SELECT m.municipality_id, ${r.campaignId}, ${r.categoryId}, pt.geom, ${r.severity},
           ${timesOfDayToMask(r.timesOfDay)}, ${r.dayType}, ${comment}, ${comment === null ? 'none' : 'pending'},
           'open311', ${r.apiKeyId}, ${r.createdAt}, ${r.createdAt}
      FROM municipality AS m,
           LATERAL (SELECT ST_SetSRID(ST_MakePoint(${r.lon}::float8, ${r.lat}::float8), 4326) AS geom) AS pt
     WHERE m.municipality_id = ${r.municipalityId}
       AND ST_Covers(m.boundary, pt.geom)
    RETURNING id`.execute(db)
  return rows[0]?.id
}
