import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { bbox as turfBbox, booleanPointInPolygon, point } from '@turf/turf'
import type { MultiPolygon, Polygon } from 'geojson'
import type { Config } from '../config/config.ts'
import { AppError } from '../errors/app-error.ts'
import { Geocoder, GeocoderError } from './geocoder.ts'
import { geocodeSchema } from './geocode.schema.ts'


/**
 * Address search limited to the municipality, through a Nominatim-compatible geocoder the
 * server talks to (the browser never does, so the geocoder sees no resident's address).
 */
export default async function geocode(appBase: FastifyInstance, opts: { config: Readonly<Config> }) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()
  const settings = opts.config.geocoder
  const geocoder = settings.url ? new Geocoder({ baseUrl: settings.url, userAgent: settings.userAgent }) : null

  app.get('/api/geocode', { schema: geocodeSchema }, async (request, reply) => {
    if (!geocoder) {
      throw new AppError(503, 'GEOCODER_UNAVAILABLE', 'Address search is turned off on this server.', 'Adressökning är avstängd på den här servern.')
    }
    const { municipality } = await app.tenant(request)
    const boundary = JSON.parse(municipality.boundary_geojson) as Polygon | MultiPolygon
    const box = turfBbox(boundary) as [number, number, number, number]
    let places
    try {
      places = await geocoder.search({ q: request.query.q.trim(), bbox: box, language: request.query.lang ?? 'sv' })
    } catch (error) {
      if (!(error instanceof GeocoderError)) throw error
      request.log.warn({ err: error }, 'geocoder failed')
      throw new AppError(502, 'GEOCODER_UNAVAILABLE', 'Address search is not available right now. Move the map to the place instead.', 'Adressökningen fungerar inte just nu. Flytta kartan till platsen i stället.')
    }
    const results = places
      .map((p) => ({ label: p.display_name, lat: Number(p.lat), lon: Number(p.lon), kind: p.type ?? p.category ?? null }))
      .filter((p) => booleanPointInPolygon(point([p.lon, p.lat]), boundary))
    reply.header('cache-control', 'private, max-age=3600')
    return { results, attribution: settings.attribution }
  })
}
