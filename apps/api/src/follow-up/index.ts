import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { recordAudit } from '../audit/audit.queries.ts'
import { followUpReport, listIndicators, setIndicators } from './follow-up.queries.ts'
import { indicatorsSchema, reportSchema } from './follow-up.schema.ts'

/** The yearly follow-up report and the yearly indicators staff enter for it. */
export default async function followUp(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()

  app.get('/api/staff/follow-up', { schema: reportSchema, config: { roles: ['planner', 'admin', 'police'] } }, async (request) =>
    followUpReport(app.db.kysely, request.staff!.municipalityId, request.query.year, app.now()),
  )

  app.put('/api/staff/indicators/:year', { schema: indicatorsSchema, config: { roles: ['planner', 'admin'] } }, async (request) => {
    const m = request.staff!.municipalityId
    const { year } = request.params
    return app.db.kysely.transaction().execute(async (trx) => {
      const [before] = await listIndicators(trx, m, year, year)
      const after = await setIndicators(trx, m, year, request.body, app.now())
      await recordAudit(trx, { municipalityId: m, at: app.now(), actor: request.staff!, action: 'indicator.set', entityType: 'yearly_indicator', entityId: year, before: before ?? null, after })
      return after
    })
  })
}
