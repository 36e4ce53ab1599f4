import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Config } from '../config/config.ts'
import { listPublicActionItems } from '../actions/public-actions.queries.ts'
import { sitePrefixOf } from '../municipality/tenant-url.ts'
import { atomFeed } from './atom-feed.ts'
import { campaignResults } from './campaign-results.queries.ts'
import { feedSchema, resultsSchema } from './results.schema.ts'

/** Most entries in the feed of completed actions. */
const FEED_LIMIT = 50

/** What residents see of the action plan: `/api/results` for /resultat and its Atom feed. */
export default async function results(appBase: FastifyInstance, opts: { config: Readonly<Config> }) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()

  app.get('/api/results', { schema: resultsSchema }, async (request) => {
    const { municipality } = await app.tenant(request)
    const m = municipality.municipality_id
    const items = await listPublicActionItems(app.db.kysely, m)
    const counts = { planned: 0, in_progress: 0, done: 0 }
    for (const i of items) counts[i.status] += 1
    return { items, counts, campaigns: await campaignResults(app.db.kysely, m) }
  })

  app.get('/api/results/feed.atom', { schema: feedSchema }, async (request, reply) => {
    const { municipality } = await app.tenant(request)
    const items = await listPublicActionItems(app.db.kysely, municipality.municipality_id, { status: 'done', limit: FEED_LIMIT })
    items.sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''))
    const baseUrl = (opts.config.publicUrl ?? `${request.protocol}://${request.host}`) + sitePrefixOf(request.originalUrl)
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(atomFeed({ baseUrl, municipality, items, now: app.now() }))
  })
}
