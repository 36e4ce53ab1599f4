import crypto from 'node:crypto'
import net from 'node:net'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

/** At most this many failed logins per account and per client address within the window. */
export const THROTTLE = {
  maxFailures: 10, // failures allowed in the window
  windowMs: 15 * 60_000, // 15 minutes
} as const

export interface ThrottleKeys {
  account: Buffer
  address: Buffer
}

/**
 * The address a client is throttled by: IPv4 as it is, IPv6 by its /64 network (one host
 * usually holds a whole /64), IPv4-mapped IPv6 as IPv4.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip)
  if (mapped) return mapped[1]!
  if (!net.isIPv6(ip)) return ip
  const [head = '', tail = ''] = ip.toLowerCase().split('::')
  const headGroups = head ? head.split(':') : []
  const tailGroups = tail ? tail.split(':') : []
  // An embedded IPv4 address at the end stands for two groups.
  const width = (groups: string[]) => groups.length + (groups.at(-1)?.includes('.') ? 1 : 0)
  const groups = ip.includes('::') ? [...headGroups, ...Array<string>(8 - width(headGroups) - width(tailGroups)).fill('0'), ...tailGroups] : headGroups
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`
}

const keyHash = (kind: string, value: string) => crypto.createHash('sha256').update(`${kind}:${value}`).digest()

/** The hashed throttling keys of a login: the email tried (normalised) and the client address. */
export function throttleKeys(email: string, ip: string): ThrottleKeys {
  return { account: keyHash('account', email), address: keyHash('address', addressKey(ip)) }
}

export type Reservation =
  | { ok: true; ids: number[] }
  | { ok: false; by: 'account' | 'address'; retryAfterSeconds: number }

/** A transaction-level advisory lock number from a key hash. */
const lockId = (key: Buffer) => key.readBigInt64BE(0).toString()

/**
 * Checks both keys and, when neither has reached the limit, records this attempt as a failure
 * of each in advance, so parallel guesses count before their passwords are checked.
 * A successful login then calls `forgiveAttempt`. Locks the account key before the address
 * key, always in that order, so concurrent logins cannot deadlock.
 */
export async function reserveAttempt(db: Kysely<Database>, keys: ThrottleKeys, now: Date): Promise<Reservation> {
  const since = new Date(now.getTime() - THROTTLE.windowMs)
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${lockId(keys.account)}::bigint)`.execute(trx)
    await sql`SELECT pg_advisory_xact_lock(${lockId(keys.address)}::bigint)`.execute(trx)
    for (const by of ['account', 'address'] as const) {
      // The limit-th most recent failure: once it leaves the window, one more attempt is allowed.
      const { rows } = await sql<{ failed_at: Date }>`
        SELECT failed_at FROM login_failure
         WHERE key_hash = ${keys[by]} AND failed_at > ${since}
         ORDER BY failed_at DESC
         OFFSET ${THROTTLE.maxFailures - 1} LIMIT 1`.execute(trx)
      const limiting = rows[0]
      if (limiting) {
        const retryAfterMs = limiting.failed_at.getTime() + THROTTLE.windowMs - now.getTime()
        return { ok: false as const, by, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) }
      }
    }
    await trx.deleteFrom('login_failure').where('failed_at', '<=', since).execute()
    const inserted = await trx
      .insertInto('login_failure')
      .values([
        { key_hash: keys.account, failed_at: now },
        { key_hash: keys.address, failed_at: now },
      ])
      .returning('id')
      .execute()
    return { ok: true as const, ids: inserted.map((r) => r.id) }
  })
}

/** After a successful login: drops this attempt's records and the account's earlier failures. */
export async function forgiveAttempt(db: Kysely<Database>, reservation: { ids: number[] }, keys: ThrottleKeys): Promise<void> {
  await db
    .deleteFrom('login_failure')
    .where((eb) => eb.or([eb('id', 'in', reservation.ids), eb('key_hash', '=', keys.account)]))
    .execute()
}
