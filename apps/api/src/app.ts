import fs from 'node:fs'
import path from 'node:path'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import accounts from './accounts/index.ts'
import administration from './administration/index.ts'
import apiKeys from './api-keys/index.ts'
import actions from './actions/index.ts'
import agreements from './agreements/index.ts'
import antibot from './antibot/index.ts'
import audit from './audit/index.ts'
import authPlugin from './auth/auth-plugin.ts'
import { STAFF_SECURITY_SCHEME, documentRoles } from './auth/guarded-routes.ts'
import auth from './auth/index.ts'
import clockPlugin, { systemClock, type Clock } from './clock/clock-plugin.ts'
import type { Config } from './config/config.ts'
import type { Db } from './db/database.ts'
import dbPlugin from './db/db-plugin.ts'
import { AppError } from './errors/app-error.ts'
import errorHandler from './errors/error-handler.ts'
import { centreTileUrl, renderIndexPage, sendPage } from './web/index-page.ts'
import { appConfigOf } from './public-config/app-config.ts'
import follow from './follow/index.ts'
import followUp from './follow-up/index.ts'
import health from './health/index.ts'
import hotspots, { type HotspotsOptions } from './hotspots/index.ts'
import pinExport from './pin-export/index.ts'
import imports from './imports/index.ts'
import moderation from './moderation/index.ts'
import municipalityPlugin from './municipality/municipality-plugin.ts'
import { routedUrl, sitePrefixOf } from './municipality/tenant-url.ts'
import open311 from './open311/index.ts'
import pinStatus from './pin-status/index.ts'
import photos from './photos/index.ts'
import geocode from './geocode/index.ts'
import pinList from './pin-list/index.ts'
import background from './background/index.ts'
import pins from './pins/index.ts'
import police from './police/index.ts'
import publicConfig from './public-config/index.ts'
import results from './results/index.ts'
import retention, { type RetentionOptions } from './retention/index.ts'
import securityHeaders from './security/security-headers.ts'
import textGuard from './security/text-guard.ts'
import statisticsPlugin from './statistics/index.ts'
import walks from './walks/index.ts'

export interface BuildOptions {
  config: Readonly<Config>
  db: Db
  logger?: FastifyServerOptions['logger']
  /** Access control for the staff hotspot routes; without it they are not registered at all. */
  hotspots?: HotspotsOptions
  /** The app's clock; tests pass one they can move. Default: the system clock. */
  clock?: Clock
  /** Timing of the daily retention run; tests shorten it. */
  retentionSchedule?: Omit<RetentionOptions, 'days'>
}

/** Largest request body accepted, bytes. */
export const BODY_LIMIT = 1024 * 1024

function ajv(coerce: boolean) {
  // Bodies are checked strictly: no coercion, no silent removal of unknown fields.
  // Query strings and params arrive as text and are coerced to the schema's types.
  const instance = new Ajv({ coerceTypes: coerce, removeAdditional: false, useDefaults: true, allErrors: false, strict: false })
  addFormats.default(instance)
  return instance
}

/** Access hook for feature plugins under the guarded prefixes: the auth guard has run; this asserts it. */
async function staffOnly(request: FastifyRequest) {
  if (!request.staff) throw new AppError(401, 'NOT_AUTHENTICATED', 'Sign in to use this.', 'Logga in för att använda detta.')
}

/** Builds the whole app without listening; the caller opens and migrates the database. */
export async function buildApp({ config, db, logger, clock, hotspots: hotspotsAccess, retentionSchedule }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    forceCloseConnections: true,
    return503OnClosing: true,
    // `/k/<slug>/api/…` is `/api/…` for the municipality <slug>; see app.tenant(request).
    rewriteUrl: (req) => routedUrl(req.url ?? '/'),
  })
  // JSON is the only body the API reads; anything else is refused with 415.
  app.removeContentTypeParser('text/plain')
  const bodyAjv = ajv(false)
  const textAjv = ajv(true)
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : textAjv).compile(schema))

  await app.register(errorHandler)
  await app.register(securityHeaders, { tileUrl: config.map.tileUrl })
  await app.register(textGuard)
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Trygg API',
        version: '0.1.0',
        description:
          'Digital trygghetsvandring: residents mark unsafe places; planners and police act on them. ' +
          'Every route serves the default municipality; /k/{slug}/api/… and /k/{slug}/open311/v2/… serve the municipality {slug} (see docs/api.md).',
        license: { name: 'MIT' },
      },
      tags: [
        { name: 'public', description: 'Service and municipality information' },
        { name: 'pins', description: "Residents' pins and the clustered map" },
        { name: 'open311', description: 'Open311 GeoReport v2 at /open311/v2, in JSON and XML; see docs/api.md' },
        { name: 'admin', description: 'Administration; access controlled' },
        { name: 'staff auth', description: 'Staff sign-in, sign-out and session' },
        { name: 'moderation', description: 'Pre-moderation of what residents write' },
        { name: 'administration', description: 'Staff accounts and the audit log' },
        { name: 'action plan', description: 'Action items linked to pins; their public side at /api/results' },
        { name: 'walks', description: 'Physical safety walks: the leader\'s page, its observations and the walk protocol' },
        { name: 'police', description: 'Traffic problem areas, controls and lägesbild snapshots for police' },
        { name: 'imports', description: "Imports of earlier years' pins from files the browser reads and sends in batches" },
      ],
      components: { securitySchemes: STAFF_SECURITY_SCHEME },
    },
    transform: documentRoles,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  await app.register(dbPlugin, { db })
  await app.register(clockPlugin, { clock: clock ?? systemClock })
  await app.register(municipalityPlugin, { slug: config.municipality })
  await app.register(authPlugin, { config })
  await app.register(retention, { days: config.retentionDays, ...retentionSchedule })
  await app.register(health)
  await app.register(publicConfig, { config })
  await app.register(antibot, { config })
  await app.register(pins, { config })
  await app.register(agreements, { config })
  await app.register(follow)
  await app.register(photos, { config })
  await app.register(geocode, { config })
  await app.register(pinList)
  await app.register(background)
  await app.register(auth, { config })
  await app.register(moderation, { config })
  await app.register(pinStatus)
  await app.register(accounts)
  await app.register(audit)
  await app.register(actions)
  await app.register(results, { config })
  await app.register(followUp)
  await app.register(statisticsPlugin)
  await app.register(open311, { config, prefix: '/open311/v2' })
  await app.register(apiKeys)
  await app.register(administration)
  await app.register(walks)
  await app.register(
    hotspots,
    hotspotsAccess ?? {
      preHandler: [staffOnly],
      resolveMunicipalityId: (request) => request.staff!.municipalityId,
    },
  )

  await app.register(pinExport)
  await app.register(imports)
  await app.register(police, { config })

  const webDist = config.webDist && fs.existsSync(path.join(config.webDist, 'index.html')) ? config.webDist : null
  if (webDist) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      // pages, `/` among them, are rendered per request by the not-found handler below
      index: false,
      // the build writes .br and .gz beside each file (apps/web/precompress.ts)
      preCompressed: true,
      setHeaders: cacheHashedAssets,
    })
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/open311/')
    const pathname = request.url.split('?')[0] ?? ''
    if (webDist && isPage && !path.extname(pathname)) {
      // A page of an unknown municipality `/k/<slug>/…` is a 404; the app says so from /api/config.
      const tenant = await app.tenant(request).catch((e: unknown) => (e instanceof AppError && e.statusCode === 404 ? null : undefined))
      const status = tenant === null ? 404 : 200
      const sitePrefix = tenant === null ? '' : sitePrefixOf(request.url)
      const isMapPage = pathname.slice(sitePrefix.length) === '/' || pathname.slice(sitePrefix.length) === ''
      const m = tenant?.municipality
      const tileUrl =
        m && isMapPage
          ? centreTileUrl(config.map.tileUrl, { lat: m.center_lat, lon: m.center_lon, zoom: m.default_zoom, maxZoom: config.map.maxZoom })
          : null
      // the map page carries its configuration, so the first view waits for no request
      const appConfig = tenant && isMapPage ? await appConfigOf(app.db.kysely, tenant, config, app.now()) : undefined
      // read per request, as a rebuild of the web app replaces it
      const template = await fs.promises.readFile(path.join(webDist, 'index.html'), 'utf8')
      return sendPage(request, reply, status, renderIndexPage(template, { sitePrefix, tileUrl, appConfig }))
    }
    throw new AppError(404, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`, 'Sidan finns inte.')
  })
  return app
}

/** Files under /assets/ carry a content hash in their name, so a browser may keep them for good. */
function cacheHashedAssets(reply: FastifyReply, filePath: string): void {
  if (filePath.includes(`${path.sep}assets${path.sep}`)) reply.header('cache-control', 'public, max-age=31536000, immutable')
}
