import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { parsePinFilterQuery } from '../hotspots/hotspot-request.ts'
import { HOTSPOT_ROLES } from '../hotspots/index.ts'
import { loadRequestContext } from '../hotspots/request-context.ts'
import { exportFileName, pinsCsv, pinsGeoJson } from './pin-export-files.ts'
import { exportPins } from './pin-export.queries.ts'
import { pinExportSchema } from './pin-export.schema.ts'

/** The hotspot map's pins as a file, for the same staff who see the map. */
export default async function pinExport(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()

  app.get('/api/staff/pins/export', { schema: pinExportSchema, config: { roles: HOTSPOT_ROLES } }, async (request, reply) => {
    const { format, ...filters } = request.query
    const ctx = await loadRequestContext(app.db.kysely, request.staff!.municipalityId)
    const { filter, applied } = parsePinFilterQuery(filters, ctx)
    const pins = await exportPins(app.db.kysely, filter)
    const day = app.now().toISOString().slice(0, 10)
    reply.header('content-disposition', `attachment; filename="${exportFileName(day, format)}"`)
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(pinsCsv(pins))
    return reply.type('application/geo+json').send(JSON.stringify(pinsGeoJson(pins, applied)))
  })
}
