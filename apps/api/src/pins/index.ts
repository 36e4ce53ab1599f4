import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { timesOfDayToMask, type ClusterQuery, type TimeOfDay } from '@trygg/domain'
import type { Config } from '../config/config.ts'
import { AppError, notFound } from '../errors/app-error.ts'
import { activeCampaign } from './campaigns.queries.ts'
import { findClusters } from './clusters.queries.ts'
import { findPublicPin, insertPinInsideBoundary, newFollowToken } from './pins.queries.ts'
import { clustersSchema, createPinSchema, getPinSchema } from './pins.schema.ts'

/** Residents' pins: create, read one, and the clustered map. */
export default async function pins(appBase: FastifyInstance, opts: { config: Readonly<Config> }) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()

  app.post(
    '/api/pins',
    { schema: createPinSchema, config: { rateLimit: app.residentRateLimit }, preHandler: app.residentWrite },
    async (request, reply) => {
      const { municipality, categoryByKey } = await app.tenant(request)
      const pin = request.body
      const category = categoryByKey.get(pin.category)
      if (!category || !category.active) {
        throw new AppError(400, 'UNKNOWN_CATEGORY', `Unknown category "${pin.category}".`, `Okänd kategori "${pin.category}".`, [
          { field: 'category', message: 'is not a category of this municipality' },
        ])
      }
      const now = app.now()
      const follow = newFollowToken()
      // One statement on the happy path: the running campaign is chosen inside the INSERT.
      const id = await insertPinInsideBoundary(app.db.kysely, {
        municipalityId: municipality.municipality_id,
        categoryId: category.id,
        campaignId: 'active',
        pin,
        source: 'web',
        followTokenHash: follow.hash,
        createdAt: now,
      })
      if (id === undefined) {
        // Refused: say why, no open campaign first.
        if (!(await activeCampaign(app.db.kysely, municipality.municipality_id, now))) throw noOpenCampaign(municipality.name)
        throw new AppError(
          422,
          'PIN_OUTSIDE_BOUNDARY',
          `The place is outside ${municipality.name} municipality. Choose a place inside the boundary shown on the map.`,
          `Platsen ligger utanför ${municipality.name} kommun. Välj en plats innanför gränsen på kartan.`,
          [{ field: 'lat', message: 'is outside the municipality boundary' }],
        )
      }
      return reply.status(201).send({ id, followToken: follow.token })
    },
  )

  app.get('/api/pins/:id', { schema: getPinSchema }, async (request) => {
    const { municipality } = await app.tenant(request)
    const pin = await findPublicPin(app.db.kysely, municipality.municipality_id, request.params.id)
    if (!pin) throw notFound('The pin', 'Markeringen')
    return pin
  })

  app.get('/api/pins/clusters', { schema: clustersSchema }, async (request, reply) => {
    const { municipality, categories, categoryByKey } = await app.tenant(request)
    const q = request.query
    const bbox = parseBbox(q.bbox)
    const categoryIds = parseCategories(q, categoryByKey)
    if (q.from && q.to && q.from > q.to) {
      throw new AppError(400, 'VALIDATION_FAILED', '"from" must not be after "to".', '"Från" får inte vara efter "till".', [
        { field: 'from', message: 'must not be after to' },
      ])
    }
    const features = await findClusters(app.db.kysely, {
      municipalityId: municipality.municipality_id,
      timeZone: municipality.time_zone,
      bbox,
      zoom: q.zoom,
      filters: {
        categoryIds,
        campaignId: q.campaign ?? null,
        from: q.from ?? null,
        to: q.to ?? null,
        timeOfDayMask: q.timeOfDay ? timesOfDayToMask(q.timeOfDay.split(',') as TimeOfDay[]) : null,
      },
      categoryKeys: new Map(categories.map((c) => [c.id, c.key])),
      sensitiveIds: new Set(categories.filter((c) => c.sensitive).map((c) => c.id)),
      sensitiveMinCount: opts.config.sensitiveMinCount,
      sensitiveMaxZoom: opts.config.sensitiveMaxZoom,
    })
    // Fresh on every request: a resident must see their own pin counted at once.
    reply.header('cache-control', 'no-cache')
    return { type: 'FeatureCollection' as const, features }
  })
}

/** 409: no digital walk is running and the municipality keeps no continuous campaign open. */
export function noOpenCampaign(municipalityName: string): AppError {
  return new AppError(
    409,
    'NO_OPEN_CAMPAIGN',
    `${municipalityName} is not collecting marks right now: no safety walk is running. Try again when the next one opens.`,
    `${municipalityName} tar inte emot markeringar just nu: ingen trygghetsvandring pågår. Försök igen när nästa öppnar.`,
  )
}

function parseBbox(raw: string): [number, number, number, number] {
  const [minLon, minLat, maxLon, maxLat] = raw.split(',').map(Number) as [number, number, number, number]
  const bad = (message: string) => new AppError(400, 'VALIDATION_FAILED', `Invalid bbox: ${message}.`, 'Ogiltigt kartutsnitt.', [{ field: 'bbox', message }])
  if (![minLon, maxLon].every((v) => v >= -180 && v <= 180)) throw bad('longitudes must be within -180..180')
  if (![minLat, maxLat].every((v) => v >= -90 && v <= 90)) throw bad('latitudes must be within -90..90')
  if (minLon > maxLon || minLat > maxLat) throw bad('must be minLon,minLat,maxLon,maxLat with min <= max')
  return [minLon, minLat, maxLon, maxLat]
}

function parseCategories(q: ClusterQuery, byKey: Map<string, { id: number }>): number[] | null {
  if (!q.category) return null
  const keys = q.category.split(',')
  const unknown = keys.filter((k) => !byKey.has(k))
  if (unknown.length) {
    throw new AppError(400, 'UNKNOWN_CATEGORY', `Unknown category: ${unknown.join(', ')}.`, `Okänd kategori: ${unknown.join(', ')}.`, [
      { field: 'category', message: `unknown: ${unknown.join(', ')}` },
    ])
  }
  return keys.map((k) => byKey.get(k)!.id)
}
