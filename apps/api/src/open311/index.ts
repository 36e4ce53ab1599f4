import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import formbody from '@fastify/formbody'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { MAX_COMMENT_LENGTH, type Open311Discovery, type Open311NewRequest } from '@trygg/domain'
import { useApiKey } from '../api-keys/api-keys.queries.ts'
import type { Config } from '../config/config.ts'
import { sitePrefixOf, tenantSlugOf } from '../municipality/tenant-url.ts'
import { activeCampaign } from '../pins/campaigns.queries.ts'
import { hashFollowToken } from '../pins/pins.queries.ts'
import { resolveJurisdiction } from './jurisdiction.ts'
import { languageOf, type Language } from './language.ts'
import { badRequest, forbidden, notFound } from './open311-error.ts'
import { open311ErrorHandler } from './open311-error-handler.ts'
import {
  createRequestSchema,
  discoverySchema,
  requestSchema,
  requestsSchema,
  serviceDefinitionSchema,
  servicesSchema,
  tokenSchema,
} from './open311.schema.ts'
import { findRequest, findRequestIdByTokenHash, findRequests, insertRequestInsideBoundary } from './requests.queries.ts'
import { parseRequestsFilter } from './requests-filter.ts'
import { formatOfUrl, sendDocument } from './send-document.ts'
import { readAttributes, serviceAttributes, toPinAttributes } from './service-definition.ts'
import { toService } from './services.ts'
import { toServiceRequest } from './to-service-request.ts'
import { actionNotesForPins } from '../actions/public-actions.queries.ts'

/** When the form of the service list or the service definitions last changed. */
export const CHANGESET = '2026-11-29T00:00:00Z'

const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2'

const NOTICE: Record<Language, { withComment: string; withoutComment: string }> = {
  sv: {
    withComment: 'Tack! Platsen syns på kartan nu; beskrivningen visas när en moderator har granskat den.',
    withoutComment: 'Tack! Platsen syns på kartan nu.',
  },
  en: {
    withComment: 'Thank you! The place is on the map now; the description is shown once a moderator has reviewed it.',
    withoutComment: 'Thank you! The place is on the map now.',
  },
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The api_key of an Open311 write, checked and logged before validation. */
    open311Key: { id: number; municipalityId: number | null } | null
  }
}

/**
 * Open311 GeoReport v2, registered under `/open311/v2`: discovery, services, service
 * definitions, requests (read and write) and tokens, each as `.json` or `.xml`. Every error
 * is a GeoReport error list in the URL's format. Form bodies are read only here.
 */
export default async function open311(appBase: FastifyInstance, opts: { config: Readonly<Config> }) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()
  await app.register(formbody, { bodyLimit: 64 * 1024 })
  app.removeContentTypeParser('application/json')
  // Forms, like query strings, arrive as text: every part is coerced to the schema's types.
  const ajv = new Ajv({ coerceTypes: true, removeAdditional: false, useDefaults: true, allErrors: false, strict: false })
  addFormats.default(ajv)
  app.setValidatorCompiler(({ schema }) => ajv.compile(schema))
  app.setErrorHandler(open311ErrorHandler)
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]
    const error = notFound(
      `No GeoReport method ${request.method} ${path}. Methods: discovery, services, services/{service_code}, requests, ` +
        'requests/{service_request_id} and tokens/{token}, each ending in .json or .xml.',
    )
    return sendDocument(request, reply, formatOfUrl(request.url), 'errors', error.errors, 404)
  })
  app.decorateRequest('open311Key', null)
  // "Optional" arguments given empty count as not given.
  app.addHook('preValidation', async (request) => {
    dropEmpty(request.query)
    dropEmpty(request.body)
  })

  const lang = (request: FastifyRequest) => languageOf(request.headers['accept-language'])
  /** Under `/k/<slug>/open311/v2` the slug is the default jurisdiction_id. */
  const prefixSlug = (request: FastifyRequest) => tenantSlugOf(request.originalUrl) ?? undefined

  app.get('/discovery.:format', { schema: discoverySchema }, async (request, reply) => {
    const base = opts.config.publicUrl ?? `${request.protocol}://${request.host}`
    const discovery: Open311Discovery = {
      changeset: CHANGESET,
      contact: opts.config.open311.contact,
      key_service: opts.config.open311.keyService,
      endpoints: [
        { specification: SPECIFICATION, url: `${base}${sitePrefixOf(request.originalUrl)}/open311/v2`, changeset: CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] },
      ],
    }
    return sendDocument(request, reply, request.params.format, 'discovery', discovery)
  })

  app.get('/services.:format', { schema: servicesSchema }, async (request, reply) => {
    const j = await resolveJurisdiction(app.db.kysely, request.query.jurisdiction_id ?? prefixSlug(request))
    const services = j.categories.filter((c) => c.active).map((c) => toService(c, lang(request)))
    return sendDocument(request, reply, request.params.format, 'services', services)
  })

  app.get('/services/:service_code.:format', { schema: serviceDefinitionSchema }, async (request, reply) => {
    const j = await resolveJurisdiction(app.db.kysely, request.query.jurisdiction_id ?? prefixSlug(request))
    const category = j.categoryByKey.get(request.params.service_code)
    if (!category?.active) throw unknownService(request.params.service_code)
    return sendDocument(request, reply, request.params.format, 'service_definition', {
      service_code: category.key,
      attributes: serviceAttributes(lang(request)),
    })
  })

  app.get('/requests.:format', { schema: requestsSchema }, async (request, reply) => {
    const j = await resolveJurisdiction(app.db.kysely, request.query.jurisdiction_id ?? prefixSlug(request))
    const filter = parseRequestsFilter(request.query, { now: new Date(), timeZone: j.timeZone, serviceCodes: new Set(j.categoryByKey.keys()) })
    const { rows, more } = await findRequests(app.db.kysely, j.municipalityId, filter)
    const byId = new Map(j.categories.map((c) => [c.id, c]))
    const actions = await actionNotesForPins(app.db.kysely, j.municipalityId, rows.map((r) => Number(r.id)))
    const requests = rows.map((r) => toServiceRequest(r, byId.get(r.category_id)!, j.timeZone, lang(request), actions.get(Number(r.id))))
    if (more) reply.header('link', `<${nextPageUrl(request.url, filter.page + 1)}>; rel="next"`)
    return sendDocument(request, reply, request.params.format, 'service_requests', requests)
  })

  app.get('/requests/:service_request_id.:format', { schema: requestSchema }, async (request, reply) => {
    const j = await resolveJurisdiction(app.db.kysely, request.query.jurisdiction_id ?? prefixSlug(request))
    const raw = request.params.service_request_id
    const row = /^[1-9][0-9]{0,14}$/.test(raw) ? await findRequest(app.db.kysely, j.municipalityId, Number(raw)) : undefined
    if (!row) throw notFound(`No service request has the service_request_id "${raw}".`)
    const category = j.categories.find((c) => c.id === row.category_id)!
    const action = (await actionNotesForPins(app.db.kysely, j.municipalityId, [Number(row.id)])).get(Number(row.id))
    return sendDocument(request, reply, request.params.format, 'service_requests', [toServiceRequest(row, category, j.timeZone, lang(request), action)])
  })

  app.get('/tokens/:token.:format', { schema: tokenSchema }, async (request, reply) => {
    const j = await resolveJurisdiction(app.db.kysely, request.query.jurisdiction_id ?? prefixSlug(request))
    const token = request.params.token
    const id = /^[A-Za-z0-9_-]{16,64}$/.test(token) ? await findRequestIdByTokenHash(app.db.kysely, j.municipalityId, hashFollowToken(token)) : undefined
    if (id === undefined) throw notFound(`No service request has the token "${token}".`)
    return sendDocument(request, reply, request.params.format, 'service_requests', [{ service_request_id: id, token }])
  })

  app.post(
    '/requests.:format',
    {
      schema: createRequestSchema,
      // The same per-address limit as residents' writes (TRYGG_RATE_LIMIT_PER_MIN).
      config: { rateLimit: app.residentRateLimit },
      // The key is checked before the form is validated: without a valid key, nothing else is answered.
      preValidation: async (request) => {
        const key = (request.body as Record<string, unknown> | undefined)?.api_key
        if (typeof key !== 'string' || key.trim() === '') throw forbidden('api_key is required to create a service request.')
        const check = await useApiKey(app.db.kysely, key.trim())
        if (!check.ok) {
          throw forbidden(
            check.reason === 'revoked'
              ? `This api_key was revoked on ${check.revokedAt!.toISOString().slice(0, 10)}; ask for a new one.`
              : 'Invalid api_key received: no such key.',
          )
        }
        request.open311Key = { id: check.id, municipalityId: check.municipalityId }
      },
    },
    async (request, reply) => {
      const form = request.body
      const j = await resolveJurisdiction(app.db.kysely, form.jurisdiction_id ?? prefixSlug(request))
      const key = request.open311Key!
      if (key.municipalityId !== null && key.municipalityId !== j.municipalityId) {
        throw forbidden(`This api_key is not valid for the jurisdiction "${j.slug}".`)
      }
      const category = j.categoryByKey.get(form.service_code)
      if (!category?.active) throw unknownService(form.service_code)
      const problems = [...locationProblems(form)]
      const attributes = readAttributes(form as Record<string, unknown>, serviceAttributes('en'))
      problems.push(...attributes.problems)
      const description = form.description?.trim() ? form.description : null
      if (description !== null && description.length > MAX_COMMENT_LENGTH) {
        problems.push(`description may be at most ${MAX_COMMENT_LENGTH} characters here; it has ${description.length}.`)
      }
      if (problems.length) throw badRequest(problems)

      const now = new Date()
      const campaign = await activeCampaign(app.db.kysely, j.municipalityId, now)
      const id = await insertRequestInsideBoundary(app.db.kysely, {
        municipalityId: j.municipalityId,
        categoryId: category.id,
        campaignId: campaign?.id ?? null,
        apiKeyId: key.id,
        lat: form.lat!,
        lon: form.long!,
        comment: description,
        createdAt: now,
        ...toPinAttributes(attributes.values),
      })
      if (id === undefined) {
        throw badRequest(`The location lat=${form.lat}, long=${form.long} is outside ${j.name} municipality; only places inside its boundary can be reported.`)
      }
      const notice = NOTICE[lang(request)][description === null ? 'withoutComment' : 'withComment']
      return sendDocument(request, reply, request.params.format, 'service_requests', [{ service_request_id: id, service_notice: notice, account_id: null }])
    },
  )
}

const unknownService = (code: string) => notFound(`No service has the service_code "${code}". GET services lists the codes.`)

function locationProblems(form: Open311NewRequest): string[] {
  const hasLat = form.lat !== undefined
  const hasLong = form.long !== undefined
  if (hasLat && hasLong) return []
  if (hasLat !== hasLong) return [`lat and long must be sent together; only ${hasLat ? 'lat' : 'long'} was sent.`]
  if (form.address_string !== undefined || form.address_id !== undefined) {
    return ['lat and long are required: this endpoint does not look up address_string or address_id. Send the position as WGS84 lat and long.']
  }
  return ['lat and long are required: send the position as WGS84 lat and long.']
}

function dropEmpty(fields: unknown) {
  if (!fields || typeof fields !== 'object') return
  const record = fields as Record<string, unknown>
  for (const [key, value] of Object.entries(record)) {
    if (value === '' || (Array.isArray(value) && value.every((v) => v === ''))) delete record[key]
  }
}

function nextPageUrl(url: string, page: number): string {
  const [path, query = ''] = url.split('?') as [string, string?]
  const params = new URLSearchParams(query)
  params.set('page', String(page))
  return `${path}?${params.toString()}`
}
