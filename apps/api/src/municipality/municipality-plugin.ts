import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import { findMunicipality, listCategories, type CategoryRow, type MunicipalityRow } from './municipality.queries.ts'
import { SLUG, tenantSlugOf } from './tenant-url.ts'

/** The municipality a request is served for, with its categories. */
export interface Tenant {
  municipality: MunicipalityRow
  categories: CategoryRow[]
  categoryByKey: Map<string, CategoryRow>
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The municipality a request is for: the one named by its URL prefix `/k/<slug>/`, else the
     * default one served at `/`. Loaded on first use and kept for a few seconds; an unknown
     * slug is a 404.
     */
    tenant(request: FastifyRequest): Promise<Tenant>
    /** Forgets every cached tenant, e.g. after categories change. */
    invalidateTenant(): void
  }
}

const TTL_MS = 10_000

const unknownMunicipality = (slug: string) =>
  new AppError(404, 'NOT_FOUND', `No municipality has the address /k/${slug}/.`, `Kommunen /k/${slug}/ finns inte.`)

async function municipalityPlugin(app: FastifyInstance, opts: { slug: string | null }) {
  /** By the slug in the URL; the default municipality under the key null. */
  const cache = new Map<string | null, { at: number; tenant: Promise<Tenant> }>()

  async function load(prefixSlug: string | null): Promise<Tenant> {
    if (prefixSlug !== null && !SLUG.test(prefixSlug)) throw unknownMunicipality(prefixSlug)
    const municipality = await findMunicipality(app.db.kysely, prefixSlug ?? opts.slug)
    if (!municipality && prefixSlug !== null) throw unknownMunicipality(prefixSlug)
    if (!municipality) {
      throw new AppError(503, 'DATABASE_UNAVAILABLE', 'No municipality is set up yet.', 'Ingen kommun är upplagd ännu.')
    }
    const categories = await listCategories(app.db.kysely, municipality.municipality_id)
    return { municipality, categories, categoryByKey: new Map(categories.map((c) => [c.key, c])) }
  }

  app.decorate('tenant', (request: FastifyRequest) => {
    const slug = tenantSlugOf(request.originalUrl)
    let cached = cache.get(slug)
    if (!cached || Date.now() - cached.at > TTL_MS) {
      const entry = { at: Date.now(), tenant: load(slug) }
      // Failures, unknown slugs among them, are not kept: anyone could fill the cache with them.
      entry.tenant.catch(() => cache.get(slug) === entry && cache.delete(slug))
      cache.set(slug, entry)
      cached = entry
    }
    return cached.tenant
  })
  app.decorate('invalidateTenant', () => {
    cache.clear()
  })
  // An API call under the prefix of an unknown municipality is a 404, whatever its route.
  app.addHook('onRequest', async (request) => {
    if (request.url !== request.originalUrl) await app.tenant(request)
  })
}

export default fp(municipalityPlugin, { name: 'municipality', dependencies: ['db'] })
