import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { listCategories, type CategoryRow } from '../municipality/municipality.queries.ts'
import { badRequest, notFound } from './open311-error.ts'

/** The municipality an Open311 call is for, with its categories (the services). */
export interface Jurisdiction {
  municipalityId: number
  slug: string
  name: string
  timeZone: string
  categories: CategoryRow[]
  categoryByKey: Map<string, CategoryRow>
}

/**
 * The municipality named by `jurisdiction_id` (its slug). Without one, the only municipality
 * of the deployment; when there are several, jurisdiction_id is required (400). An unknown
 * jurisdiction_id is a 404.
 */
export async function resolveJurisdiction(db: Kysely<Database>, jurisdictionId: string | undefined): Promise<Jurisdiction> {
  const rows = await db
    .selectFrom('municipality')
    .select(['municipality_id', 'slug', 'name', 'time_zone'])
    .$if(jurisdictionId !== undefined, (q) => q.where('slug', '=', jurisdictionId!))
    .orderBy('municipality_id')
    .limit(2)
    .execute()
  if (jurisdictionId !== undefined && rows.length === 0) {
    throw notFound(`No jurisdiction has the jurisdiction_id "${jurisdictionId}".`)
  }
  if (rows.length === 0) throw notFound('No municipality is set up on this endpoint yet.')
  if (rows.length > 1) {
    throw badRequest('jurisdiction_id is required: this endpoint serves several municipalities. Use the municipality\'s slug, e.g. jurisdiction_id=' + rows[0]!.slug + '.')
  }
  const m = rows[0]!
  const categories = await listCategories(db, m.municipality_id)
  return {
    municipalityId: m.municipality_id,
    slug: m.slug,
    name: m.name,
    timeZone: m.time_zone,
    categories,
    categoryByKey: new Map(categories.map((c) => [c.key, c])),
  }
}
