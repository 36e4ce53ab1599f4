import type { FastifyInstance, preHandlerAsyncHookHandler, preHandlerHookHandler } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { ApiKeyInfo as ApiKeyInfoBody } from '@trygg/domain'
import { AppError, notFound } from '../errors/app-error.ts'
import { createApiKey, listApiKeys, revokeApiKey, UnknownMunicipalityError, type ApiKeyInfo } from './api-keys.queries.ts'
import { createApiKeySchema, listApiKeysSchema, revokeApiKeySchema } from './api-keys.schema.ts'

export interface ApiKeyAdminOptions {
  /**
   * Access control run before every route of the plugin (e.g. an admin role check). Required:
   * the plugin refuses to register without it, so the routes are never unprotected.
   */
  preHandler: preHandlerHookHandler | preHandlerAsyncHookHandler
}

/** Admin routes for Open311 writers' API keys: list, create (the key is shown once), revoke. */
export default async function apiKeyAdmin(appBase: FastifyInstance, opts: ApiKeyAdminOptions) {
  if (typeof opts?.preHandler !== 'function') {
    throw new Error('The API key admin routes need a preHandler for access control')
  }
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()
  app.addHook('preHandler', opts.preHandler as preHandlerAsyncHookHandler)

  app.get('/api/admin/api-keys', { schema: listApiKeysSchema }, async (request) => {
    return (await listApiKeys(app.db.kysely, request.query.municipality ? { municipalitySlug: request.query.municipality } : {})).map(toBody)
  })

  app.post('/api/admin/api-keys', { schema: createApiKeySchema }, async (request, reply) => {
    try {
      const { key, info } = await createApiKey(app.db.kysely, { name: request.body.name.trim(), municipalitySlug: request.body.municipality ?? null })
      return reply.status(201).send({ key, apiKey: toBody(info) })
    } catch (error) {
      if (error instanceof UnknownMunicipalityError) {
        throw new AppError(400, 'VALIDATION_FAILED', error.message, `Ingen kommun har förkortningen "${error.slug}".`, [
          { field: 'municipality', message: 'is not a municipality of this deployment' },
        ])
      }
      throw error
    }
  })

  app.post('/api/admin/api-keys/:id/revoke', { schema: revokeApiKeySchema }, async (request) => {
    const info = await revokeApiKey(app.db.kysely, request.params.id)
    if (!info) throw notFound('The API key', 'API-nyckeln')
    return toBody(info)
  })
}

function toBody(k: ApiKeyInfo): ApiKeyInfoBody {
  return {
    id: k.id,
    name: k.name,
    municipality: k.municipality,
    prefix: k.prefix,
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    useCount: k.useCount,
  }
}
