import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import { findMunicipality, listCategories, type CategoryRow, type MunicipalityRow } from './municipality.queries.ts'

/** The municipality a request is served for, with its categories. */
export interface Tenant {
  municipality: MunicipalityRow
  categories: CategoryRow[]
  categoryByKey: Map<string, CategoryRow>
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The municipality served at `/`; loaded on first use and kept for a few seconds. */
    tenant(): Promise<Tenant>
    /** Forgets the cached tenant, e.g. after categories change. */
    invalidateTenant(): void
  }
}

const TTL_MS = 10_000

async function municipalityPlugin(app: FastifyInstance, opts: { slug: string | null }) {
  let cached: { at: number; tenant: Promise<Tenant> } | null = null

  async function load(): Promise<Tenant> {
    const municipality = await findMunicipality(app.db.kysely, opts.slug)
    if (!municipality) {
      throw new AppError(503, 'DATABASE_UNAVAILABLE', 'No municipality is set up yet.', 'Ingen kommun är upplagd ännu.')
    }
    const categories = await listCategories(app.db.kysely, municipality.municipality_id)
    return { municipality, categories, categoryByKey: new Map(categories.map((c) => [c.key, c])) }
  }

  app.decorate('tenant', () => {
    if (!cached || Date.now() - cached.at > TTL_MS) {
      const tenant = load()
      cached = { at: Date.now(), tenant }
      tenant.catch(() => (cached = null))
    }
    return cached.tenant
  })
  app.decorate('invalidateTenant', () => {
    cached = null
  })
}

export default fp(municipalityPlugin, { name: 'municipality', dependencies: ['db'] })
