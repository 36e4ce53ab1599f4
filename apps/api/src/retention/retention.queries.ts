import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

/** What one retention run removed, per kind of personal data. */
export interface RetentionResult {
  /** Pins whose follow token was deleted (the private follow link stops working). */
  followTokens: number
  /** Optional contact details deleted (none are collected yet; features that add some extend this). */
  contacts: number
  /** The moment before which data was deleted. */
  cutoff: Date
}

const DAY_MS = 24 * 3600_000

/**
 * Deletes personal data older than `days` days at `now`, municipality by municipality:
 * follow tokens of pins created before the cutoff. The pins themselves stay (they are
 * public records); only what could tie them to a person goes.
 *
 * @example await applyRetention(db, { now: new Date(), days: 365 })
 */
export async function applyRetention(db: Kysely<Database>, { now, days }: { now: Date; days: number }): Promise<RetentionResult> {
  const cutoff = new Date(now.getTime() - days * DAY_MS)
  const municipalities = await db.selectFrom('municipality').select('municipality_id').execute()
  let followTokens = 0
  for (const { municipality_id } of municipalities) {
    const res = await sql`
      UPDATE pin SET follow_token_hash = NULL
       WHERE municipality_id = ${municipality_id} AND follow_token_hash IS NOT NULL AND created_at < ${cutoff}`.execute(db)
    followTokens += Number(res.numAffectedRows ?? 0)
  }
  return { followTokens, contacts: 0, cutoff }
}
