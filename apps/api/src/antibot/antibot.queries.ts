import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

/**
 * Marks a solved challenge as used. Returns false when it was used before: a payload buys one
 * write. Expired entries are cleared on the way (they could not be replayed anyway).
 */
export async function spendChallenge(
  db: Kysely<Database>,
  s: { municipalityId: number; signatureHash: Buffer; expiresAt: Date; now: Date },
): Promise<boolean> {
  await db.deleteFrom('antibot_spent').where('expires_at', '<', s.now).execute()
  const row = await db
    .insertInto('antibot_spent')
    .values({ municipality_id: s.municipalityId, signature_hash: s.signatureHash, expires_at: s.expiresAt })
    .onConflict((oc) => oc.doNothing())
    .returning('expires_at')
    .executeTakeFirst()
  return row !== undefined
}
