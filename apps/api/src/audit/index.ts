import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { AuditPage, AuditQuery } from '@trygg/domain'
import { staffErrors } from '../auth/auth.schema.ts'
import { listAudit } from './audit.queries.ts'

/** The audit log of the signed-in admin's municipality. */
export default async function audit(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/api/staff/audit',
    {
      schema: {
        summary: 'The audit log',
        description:
          'Every moderation decision, action item change and staff account change of the municipality, newest first. ' +
          'Filter by entityType and entityId; page with beforeId (the last id of the previous page).',
        tags: ['administration'],
        querystring: AuditQuery,
        response: { 200: AuditPage, ...staffErrors },
      },
      config: { roles: ['admin'] },
    },
    async (request) => {
        return { entries: await listAudit(app.db.kysely, request.staff!.municipalityId, request.query) }
    },
  )
}
