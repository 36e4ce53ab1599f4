import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { cookieIsSecure } from '../auth/session-cookie.ts'
import type { Config } from '../config/config.ts'
import { AppError, notFound } from '../errors/app-error.ts'
import { agreeWithPin, findNearbyPins } from './agreements.queries.ts'
import { agreeSchema, nearbySchema } from './agreements.schema.ts'
import { DEVICE_COOKIE, agreementHash, newDeviceId, validDeviceId } from './device-id.ts'

/** How many nearby pins the hint lists at most. */
const NEARBY_LIMIT = 5

/** A year: the device id outlives a walk, so a resident cannot agree twice in one. */
const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 3600

/** Agreeing with an existing pin instead of duplicating it, and the nearby hint that offers it. */
export default async function agreements(appBase: FastifyInstance, opts: { config: Readonly<Config> }) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()

  app.get('/api/pins/nearby', { schema: nearbySchema }, async (request, reply) => {
    const { municipality, categoryByKey } = await app.tenant(request)
    const q = request.query
    let categoryId: number | null = null
    if (q.category !== undefined) {
      const category = categoryByKey.get(q.category)
      if (!category) {
        throw new AppError(400, 'UNKNOWN_CATEGORY', `Unknown category "${q.category}".`, `Okänd kategori "${q.category}".`, [
          { field: 'category', message: 'is not a category of this municipality' },
        ])
      }
      categoryId = category.id
    }
    const radius = q.radius ?? opts.config.nearbyRadiusM
    const pins = await findNearbyPins(app.db.kysely, {
      municipalityId: municipality.municipality_id,
      lat: q.lat,
      lon: q.lon,
      radius,
      categoryId,
      limit: NEARBY_LIMIT,
    })
    reply.header('cache-control', 'no-cache')
    return { radius, pins }
  })

  app.post('/api/pins/:id/agree', { schema: agreeSchema, config: { rateLimit: app.residentRateLimit }, preHandler: app.residentWrite }, async (request, reply) => {
    const { municipality } = await app.tenant(request)
    let deviceId = validDeviceId(request.cookies[DEVICE_COOKIE])
    if (!deviceId) {
      deviceId = newDeviceId()
      reply.setCookie(DEVICE_COOKIE, deviceId, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/api/',
        maxAge: DEVICE_COOKIE_MAX_AGE_S,
        secure: cookieIsSecure(opts.config.session.cookieSecure, request),
      })
    }
    const id = request.params.id
    const outcome = await agreeWithPin(app.db.kysely, {
      municipalityId: municipality.municipality_id,
      pinId: id,
      deviceHash: agreementHash(municipality.municipality_id, id, deviceId),
      at: app.now(),
    })
    if (outcome.kind === 'not_found') throw notFound('The pin', 'Markeringen')
    return { id, agreementCount: outcome.agreementCount, alreadyAgreed: outcome.kind === 'already' }
  })
}
