import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

/**
 * The campaign a pin made at `at` belongs to: a digital walk running then, or else the
 * continuous campaign that is open then; undefined when neither is.
 */
export async function activeCampaign(db: Kysely<Database>, municipalityId: number, at: Date) {
  return db
    .selectFrom('campaign')
    .select(['id', 'kind', 'name', 'starts_at', 'ends_at'])
    .where('municipality_id', '=', municipalityId)
    .where('kind', 'in', ['digital', 'continuous'])
    .where('starts_at', '<=', at)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', at)]))
    .orderBy((eb) => eb.case().when('kind', '=', 'digital').then(0).else(1).end())
    .orderBy('starts_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}
