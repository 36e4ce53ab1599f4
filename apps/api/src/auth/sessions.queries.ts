import type { Kysely } from 'kysely'
import type { Database, StaffRoleColumn } from '../db/schema.ts'

/** A session joined with its enabled account and the account's municipality. */
export interface SessionRow {
  idHash: Buffer
  csrfToken: string
  createdAt: Date
  lastSeenAt: Date
  expiresAt: Date
  staffId: number
  municipalityId: number
  email: string
  role: StaffRoleColumn
  organisation: string | null
  municipalitySlug: string
  municipalityName: string
}

/** The session with this id hash, if its account exists and is enabled. Expiry is the caller's check. */
export async function findSession(db: Kysely<Database>, idHash: Buffer): Promise<SessionRow | undefined> {
  return db
    .selectFrom('staff_session as s')
    .innerJoin('staff_account as a', (join) => join.onRef('a.municipality_id', '=', 's.municipality_id').onRef('a.id', '=', 's.staff_id'))
    .innerJoin('municipality as m', 'm.municipality_id', 'a.municipality_id')
    .select([
      's.id_hash as idHash',
      's.csrf_token as csrfToken',
      's.created_at as createdAt',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
      'a.id as staffId',
      'a.municipality_id as municipalityId',
      'a.email',
      'a.role',
      'a.organisation',
      'm.slug as municipalitySlug',
      'm.name as municipalityName',
    ])
    .where('s.id_hash', '=', idHash)
    .where('a.disabled_at', 'is', null)
    .executeTakeFirst()
}

export interface NewSession {
  idHash: Buffer
  municipalityId: number
  staffId: number
  csrfToken: string
  createdAt: Date
  expiresAt: Date
}

export async function insertSession(db: Kysely<Database>, s: NewSession): Promise<void> {
  await db
    .insertInto('staff_session')
    .values({
      id_hash: s.idHash,
      municipality_id: s.municipalityId,
      staff_id: s.staffId,
      csrf_token: s.csrfToken,
      created_at: s.createdAt,
      last_seen_at: s.createdAt,
      expires_at: s.expiresAt,
    })
    .execute()
}

export async function touchSession(db: Kysely<Database>, idHash: Buffer, at: Date): Promise<void> {
  await db.updateTable('staff_session').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute()
}

export async function deleteSession(db: Kysely<Database>, idHash: Buffer): Promise<void> {
  await db.deleteFrom('staff_session').where('id_hash', '=', idHash).execute()
}

/** Ends every session of one account: on disabling and on a password reset. Returns how many. */
export async function deleteSessionsOf(db: Kysely<Database>, municipalityId: number, staffId: number): Promise<number> {
  const result = await db
    .deleteFrom('staff_session')
    .where('municipality_id', '=', municipalityId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Removes sessions that are over by either limit. */
export async function deleteEndedSessions(db: Kysely<Database>, now: Date, idleMs: number): Promise<void> {
  await db
    .deleteFrom('staff_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', new Date(now.getTime() - idleMs))]))
    .execute()
}
