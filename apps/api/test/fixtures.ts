import os from 'node:os'
import path from 'node:path'
import type { Polygon } from 'geojson'
import type { Kysely } from 'kysely'
import type { Database } from '../src/db/schema.ts'
import { createCampaign, createMunicipality } from '../src/municipality/municipality.setup.ts'
import { loadConfig, type Config } from '../src/config/config.ts'

/** A 0.2° × 0.1° square around Kävlinge: simple to reason about in tests. */
export const TEST_BOUNDARY: Polygon = {
  type: 'Polygon',
  coordinates: [[[13.0, 55.75], [13.2, 55.75], [13.2, 55.85], [13.0, 55.85], [13.0, 55.75]]],
}
export const TEST_BBOX = '13.0,55.75,13.2,55.85'
export const INSIDE = { lat: 55.8, lon: 13.1 }
export const OUTSIDE = { lat: 55.6, lon: 13.0 }

/** Creates the test municipality with default categories and an open continuous campaign. */
export async function seedTestMunicipality(db: Kysely<Database>, slug = 'testkommun', name = 'Testkommun') {
  const municipalityId = await createMunicipality(db, { slug, name, boundary: TEST_BOUNDARY })
  const campaignId = await createCampaign(db, {
    municipalityId,
    kind: 'continuous',
    name: 'Löpande',
    startsAt: new Date('2020-01-01T00:00:00Z'),
    endsAt: null,
  })
  return { municipalityId, campaignId }
}

/**
 * Configuration for tests: no web app, no proof-of-work or rate limits (tests of those turn them
 * on with overrides), photos in a folder of the test process; defaults otherwise.
 */
export function testConfig(overrides: Partial<Config> = {}): Readonly<Config> {
  return {
    ...loadConfig({
      TRYGG_WEB_DIST: '',
      TRYGG_ANTIBOT: 'off',
      TRYGG_RATE_LIMIT_PER_MIN: '0',
      TRYGG_PHOTO_DIR: path.join(os.tmpdir(), `trygg-test-photos-${process.pid}`),
    }),
    ...overrides,
  }
}
