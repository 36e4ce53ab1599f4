import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

/** Every key starts with this, so a leaked one is easy to recognise in logs and code. */
export const API_KEY_PREFIX = 'trygg_'

/** A key as listed: never the key itself, which is shown once at creation and not stored. */
export interface ApiKeyInfo {
  id: number
  name: string
  /** null: valid for every municipality of the deployment */
  municipality: string | null
  /** The key's first characters, e.g. `trygg_Ab3x` */
  prefix: string
  createdAt: Date
  revokedAt: Date | null
  lastUsedAt: Date | null
  useCount: number
}

export const hashApiKey = (key: string) => crypto.createHash('sha256').update(key, 'utf8').digest()

/** A new random key: the prefix and 256 random bits in base64url (49 characters in all). */
export function newApiKey(): string {
  return API_KEY_PREFIX + crypto.randomBytes(32).toString('base64url')
}

export class UnknownMunicipalityError extends Error {
  constructor(readonly slug: string) {
    super(`No municipality has the slug "${slug}".`)
  }
}

/**
 * Creates a key named `name`, bound to the municipality `municipalitySlug` or, with null, valid
 * for all. Returns the key (the only time it is available) and its listing.
 * Throws UnknownMunicipalityError for a slug that does not exist.
 */
export async function createApiKey(
  db: Kysely<Database>,
  input: { name: string; municipalitySlug: string | null } | { name: string; municipalityId: number },
): Promise<{ key: string; info: ApiKeyInfo }> {
  let municipalityId: number | null = 'municipalityId' in input ? input.municipalityId : null
  if ('municipalitySlug' in input && input.municipalitySlug !== null) {
    const m = await db.selectFrom('municipality').select('municipality_id').where('slug', '=', input.municipalitySlug).executeTakeFirst()
    if (!m) throw new UnknownMunicipalityError(input.municipalitySlug)
    municipalityId = m.municipality_id
  }
  const key = newApiKey()
  const row = await db
    .insertInto('api_key')
    .values({ municipality_id: municipalityId, name: input.name, key_hash: hashApiKey(key), key_prefix: key.slice(0, API_KEY_PREFIX.length + 4), revoked_at: null, last_used_at: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  const info = (await listApiKeys(db, { id: row.id }))[0]!
  return { key, info }
}

/**
 * Revokes a key at once; its later uses are refused. Returns the listing, or undefined when
 * no key has that id (within `municipalityId` when given: a municipality's admins revoke only
 * its own keys). Revoking a revoked key keeps its first revocation time.
 */
export async function revokeApiKey(db: Kysely<Database>, id: number, municipalityId?: number): Promise<ApiKeyInfo | undefined> {
  let q = db.updateTable('api_key').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null)
  if (municipalityId !== undefined) q = q.where('municipality_id', '=', municipalityId)
  await q.execute()
  return (await listApiKeys(db, municipalityId === undefined ? { id } : { id, municipalityId }))[0]
}

/**
 * Keys, newest first; `municipalitySlug` keeps the keys valid there (its own and deployment-wide
 * ones); `municipalityId` keeps only the municipality's own keys.
 */
export async function listApiKeys(db: Kysely<Database>, filter: { id?: number; municipalitySlug?: string; municipalityId?: number } = {}): Promise<ApiKeyInfo[]> {
  let q = db
    .selectFrom('api_key as k')
    .leftJoin('municipality as m', 'm.municipality_id', 'k.municipality_id')
    .select(['k.id', 'k.name', 'm.slug', 'k.key_prefix', 'k.created_at', 'k.revoked_at', 'k.last_used_at', 'k.use_count'])
    .orderBy('k.id', 'desc')
  if (filter.id !== undefined) q = q.where('k.id', '=', filter.id)
  if (filter.municipalityId !== undefined) q = q.where('k.municipality_id', '=', filter.municipalityId)
  if (filter.municipalitySlug !== undefined) {
    const slug = filter.municipalitySlug
    q = q.where((eb) => eb.or([eb('k.municipality_id', 'is', null), eb('m.slug', '=', slug)]))
  }
  const rows = await q.execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    municipality: r.slug,
    prefix: r.key_prefix,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
    useCount: Number(r.use_count),
  }))
}

export type KeyCheck =
  | { ok: true; id: number; name: string; municipalityId: number | null }
  | { ok: false; reason: 'unknown' | 'revoked'; revokedAt?: Date }

/**
 * Checks a presented key and, when it is valid, logs the use (last_used_at, use_count) in the
 * same statement. Revoked and unknown keys are told apart so a client can be told which.
 */
export async function useApiKey(db: Kysely<Database>, key: string): Promise<KeyCheck> {
  const hash = hashApiKey(key)
  const { rows } = await sql<{ id: number; name: string; municipality_id: number | null }>`
    UPDATE api_key SET last_used_at = now(), use_count = use_count + 1
     WHERE key_hash = ${hash} AND revoked_at IS NULL
    RETURNING id, name, municipality_id`.execute(db)
  const used = rows[0]
  if (used) return { ok: true, id: used.id, name: used.name, municipalityId: used.municipality_id }
  const revoked = await db.selectFrom('api_key').select('revoked_at').where('key_hash', '=', hash).executeTakeFirst()
  return revoked?.revoked_at ? { ok: false, reason: 'revoked', revokedAt: revoked.revoked_at } : { ok: false, reason: 'unknown' }
}
