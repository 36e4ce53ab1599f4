import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { ApiKeyInfo as ApiKeyInfoBody } from '@trygg/domain'
import { recordAudit } from '../audit/audit.queries.ts'
import { notFound } from '../errors/app-error.ts'
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeyInfo } from './api-keys.queries.ts'
import { createApiKeySchema, listApiKeysSchema, revokeApiKeySchema } from './api-keys.schema.ts'

const ADMIN = { roles: ['admin'] } as const

/**
 * A municipality's admins manage the API keys of Open311 writers to it: list, create (the key is
 * shown once), revoke. Each creation and revocation is in the audit log.
 */
export default async function apiKeys(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()

  app.get('/api/staff/api-keys', { schema: listApiKeysSchema, config: ADMIN }, async (request) => {
    return { apiKeys: (await listApiKeys(app.db.kysely, { municipalityId: request.staff!.municipalityId })).map(toBody) }
  })

  app.post('/api/staff/api-keys', { schema: createApiKeySchema, config: ADMIN }, async (request, reply) => {
    const staff = request.staff!
    const { key, info } = await createApiKey(app.db.kysely, { name: request.body.name.trim(), municipalityId: staff.municipalityId })
    await recordAudit(app.db.kysely, {
      municipalityId: staff.municipalityId,
      at: app.now(),
      actor: staff,
      action: 'api_key.create',
      entityType: 'api_key',
      entityId: info.id,
      after: { name: info.name, prefix: info.prefix },
    })
    return reply.status(201).send({ key, apiKey: toBody(info) })
  })

  app.post('/api/staff/api-keys/:id/revoke', { schema: revokeApiKeySchema, config: ADMIN }, async (request) => {
    const staff = request.staff!
    const info = await revokeApiKey(app.db.kysely, request.params.id, staff.municipalityId)
    if (!info) throw notFound('The API key', 'API-nyckeln')
    await recordAudit(app.db.kysely, {
      municipalityId: staff.municipalityId,
      at: app.now(),
      actor: staff,
      action: 'api_key.revoke',
      entityType: 'api_key',
      entityId: info.id,
      after: { name: info.name, revokedAt: info.revokedAt },
    })
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
