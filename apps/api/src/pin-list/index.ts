import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { AppError } from '../errors/app-error.ts'
import { listPinsInBbox } from './pin-list.queries.ts'
import { pinListSchema } from './pin-list.schema.ts'

/** The list of public pins in a viewport: the map's accessible alternative. */
export default async function pinList(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()

  app.get('/api/pins/list', { schema: pinListSchema }, async (request, reply) => {
    const { municipality } = await app.tenant(request)
    const [minLon, minLat, maxLon, maxLat] = request.query.bbox.split(',').map(Number) as [number, number, number, number]
    const bad = (message: string) => new AppError(400, 'VALIDATION_FAILED', `Invalid bbox: ${message}.`, 'Ogiltigt kartutsnitt.', [{ field: 'bbox', message }])
    if (![minLon, maxLon].every((v) => v >= -180 && v <= 180) || ![minLat, maxLat].every((v) => v >= -90 && v <= 90)) throw bad('coordinates out of range')
    if (minLon > maxLon || minLat > maxLat) throw bad('must be minLon,minLat,maxLon,maxLat with min <= max')
    reply.header('cache-control', 'no-cache')
    return listPinsInBbox(app.db.kysely, municipality.municipality_id, { bbox: [minLon, minLat, maxLon, maxLat], limit: request.query.limit, offset: request.query.offset })
  })
}
