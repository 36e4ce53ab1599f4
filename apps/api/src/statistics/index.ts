import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Statistics, StatisticsQuery } from '@trygg/domain'
import { staffErrors } from '../auth/auth.schema.ts'
import { notFound } from '../errors/app-error.ts'
import { statistics } from './statistics.queries.ts'

/** The staff statistics page's data: one campaign's pins by category, time of day and week, and years compared. */
export default async function statisticsPlugin(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()
  app.get(
    '/api/staff/statistics',
    {
      schema: {
        summary: 'Statistics of the pins',
        description:
          'For one campaign (default: the latest): pins per category, times of day per category, pins per week. Over all ' +
          'pins: per year and category. With the yearly indicators staff entered. Published pins only.',
        tags: ['action plan'],
        querystring: StatisticsQuery,
        response: { 200: Statistics, ...staffErrors },
      },
      config: { roles: ['planner', 'admin', 'police'] },
    },
    async (request) => {
      const result = await statistics(app.db.kysely, request.staff!.municipalityId, request.query.campaign)
      if (!result) throw notFound('The campaign', 'Kampanjen')
      return result
    },
  )
}
