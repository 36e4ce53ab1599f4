import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { StaffRole } from '@trygg/domain'
import { recordAudit } from '../audit/audit.queries.ts'
import { AppError } from '../errors/app-error.ts'
import { importBatch } from './import-batch.ts'
import { createImport } from './imports.queries.ts'
import { batchSchema, startSchema } from './imports.schema.ts'

/** Largest batch body: 1000 rows with the longest cells allowed, in multi-byte UTF-8. */
const BATCH_BODY_LIMIT = 12 * 1024 * 1024

/** Planners and admins bring in earlier years' pins. */
const ROLES: StaffRole[] = ['admin', 'planner']

/** Imports of earlier pins from CSV or GeoJSON files, which the browser parses, maps and sends in batches. */
export default async function imports(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()
  const db = () => app.db.kysely

  app.post('/api/staff/imports', { schema: startSchema, config: { roles: ROLES } }, async (request, reply) => {
    const staff = request.staff!
    const { fileName, totalRows, campaign } = request.body
    const campaignId = typeof campaign === 'number' ? campaign : null
    if (campaignId !== null) {
      const known = await db().selectFrom('campaign').select('id').where('municipality_id', '=', staff.municipalityId).where('id', '=', campaignId).executeTakeFirst()
      if (!known) {
        throw new AppError(400, 'VALIDATION_FAILED', `Campaign ${campaignId} is not one of this municipality.`, 'Kampanjen finns inte i kommunen.', [
          { field: 'campaign', message: 'is not a campaign of this municipality' },
        ])
      }
    }
    const at = app.now()
    const id = await db().transaction().execute(async (trx) => {
      const id = await createImport(trx, { municipalityId: staff.municipalityId, fileName, totalRows, campaignId, byDate: campaign === 'byDate', createdBy: staff.id, at })
      await recordAudit(trx, {
        municipalityId: staff.municipalityId,
        at,
        actor: staff,
        action: 'pin_import.start',
        entityType: 'pin_import',
        entityId: id,
        after: { fileName, totalRows, campaign },
      })
      return id
    })
    return reply.status(201).send({ id })
  })

  app.post('/api/staff/imports/:id/rows', { schema: batchSchema, config: { roles: ROLES }, bodyLimit: BATCH_BODY_LIMIT }, async (request) =>
    importBatch(db(), { municipalityId: request.staff!.municipalityId, importId: request.params.id, batch: request.body, actor: request.staff!, now: app.now() }),
  )
}
