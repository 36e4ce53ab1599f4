import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { AppError } from '../errors/app-error.ts'
import { listCategories } from '../municipality/municipality.queries.ts'
import type { RequestContext } from './hotspot-request.ts'
import { findStudyArea, listCampaigns } from './hotspots.queries.ts'

/** What the hotspot filters are checked against: the municipality's study area, categories and campaigns. */
export async function loadRequestContext(db: Kysely<Database>, municipalityId: number): Promise<RequestContext> {
  const [area, categories, campaigns] = await Promise.all([findStudyArea(db, municipalityId), listCategories(db, municipalityId), listCampaigns(db, municipalityId)])
  if (!area) throw new AppError(503, 'DATABASE_UNAVAILABLE', 'The municipality is not set up.', 'Kommunen är inte upplagd.')
  return { area, categories, campaigns }
}
