import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { recordAudit } from '../audit/audit.queries.ts'
import type { StaffWalk } from '@trygg/domain'
import { AppError, notFound } from '../errors/app-error.ts'
import { insertPinInsideBoundary, newFollowToken } from '../pins/pins.queries.ts'
import {
  findObservation,
  findWalk,
  findWalkByCode,
  insertObservation,
  insertWalk,
  listWalks,
  protocolObservations,
  replaceFollowToken,
  shapesOutside,
  type WalkRecord,
} from './walks.queries.ts'
import { createWalkSchema, getWalkSchema, listWalksSchema, recordObservationSchema, walkProtocolSchema } from './walks.schema.ts'

const PLANNING = { roles: ['admin', 'planner'] } as const

/** Thrown inside the transaction when a concurrent resend recorded the same client id first. */
class ResentMeanwhile extends Error {}

/**
 * Physical safety walks: the leader's page data and observations by walk code (public), and
 * planning and protocols for staff.
 */
export default async function walks(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()

  const walkOf = async (municipalityId: number, code: string) => {
    const found = await findWalkByCode(app.db.kysely, municipalityId, code)
    if (!found) throw notFound('The walk', 'Vandringen')
    return found
  }

  app.get('/api/walks/:code', { schema: getWalkSchema }, async (request, reply) => {
    const { municipality } = await app.tenant(request)
    const { walk } = await walkOf(municipality.municipality_id, request.params.code)
    // Network first on the phone; its service worker keeps the last answer for offline use.
    reply.header('cache-control', 'no-cache')
    return walk
  })

  app.post(
    '/api/walks/:code/observations',
    { schema: recordObservationSchema, config: { rateLimit: app.residentRateLimit }, preHandler: honeypot },
    async (request, reply) => {
      const { municipality, categoryByKey } = await app.tenant(request)
      const municipalityId = municipality.municipality_id
      const body = request.body
      const found = await walkOf(municipalityId, request.params.code)
      const follow = newFollowToken()

      const resent = async (pinId: number) => {
        await replaceFollowToken(app.db.kysely, municipalityId, pinId, follow.hash)
        return reply.status(200).send({ id: pinId, followToken: follow.token })
      }
      // A resend is answered whatever changed since: the observation is already safe.
      const earlier = await findObservation(app.db.kysely, municipalityId, found.id, body.clientId)
      if (earlier !== undefined) return resent(earlier)

      const now = app.now()
      if (now < found.from || now > found.until) {
        throw new AppError(
          409,
          'WALK_CLOSED',
          `The walk "${found.walk.name}" takes observations from 24 hours before it starts until 7 days after it ends.`,
          `Vandringen "${found.walk.name}" tar emot observationer från ett dygn före start till sju dagar efter slutet.`,
        )
      }
      const category = categoryByKey.get(body.category)
      if (!category || !category.active) {
        throw new AppError(400, 'UNKNOWN_CATEGORY', `Unknown category "${body.category}".`, `Okänd kategori "${body.category}".`, [
          { field: 'category', message: 'is not a category of this municipality' },
        ])
      }
      const { participants, clientId, recordedAt, ...pin } = body
      const createdAt = recordedTime(recordedAt, found.from, now)
      try {
        const id = await app.db.kysely.transaction().execute(async (trx) => {
          const pinId = await insertPinInsideBoundary(trx, {
            municipalityId,
            categoryId: category.id,
            campaignId: found.id,
            pin,
            source: 'walk',
            followTokenHash: follow.hash,
            createdAt,
          })
          if (pinId === undefined) return undefined
          if (!(await insertObservation(trx, { municipalityId, pinId, campaignId: found.id, clientId, participants, at: createdAt }))) throw new ResentMeanwhile()
          return pinId
        })
        if (id === undefined) {
          throw new AppError(
            422,
            'PIN_OUTSIDE_BOUNDARY',
            `The place is outside ${municipality.name} municipality. Choose a place inside the boundary shown on the map.`,
            `Platsen ligger utanför ${municipality.name} kommun. Välj en plats innanför gränsen på kartan.`,
            [{ field: 'lat', message: 'is outside the municipality boundary' }],
          )
        }
        return reply.status(201).send({ id, followToken: follow.token })
      } catch (error) {
        if (!(error instanceof ResentMeanwhile)) throw error
        return resent((await findObservation(app.db.kysely, municipalityId, found.id, clientId))!)
      }
    },
  )

  /**
   * Adds the walk page's path: at `/walk/<code>` on the default municipality's site, under
   * `/k/<slug>` for the others, so the leader's page talks to the walk's own municipality.
   */
  const withPath = async (request: FastifyRequest, walks: WalkRecord[]): Promise<StaffWalk[]> => {
    const { municipality } = await app.tenant(request)
    const staff = request.staff!
    const prefix = municipality.municipality_id === staff.municipalityId ? '' : `/k/${request.staffSession!.municipality.slug}`
    return walks.map((walk) => ({ ...walk, path: `${prefix}/walk/${walk.code}` }))
  }

  app.get('/api/staff/walks', { schema: listWalksSchema, config: PLANNING }, async (request) => {
    return { walks: await withPath(request, await listWalks(app.db.kysely, request.staff!.municipalityId)) }
  })

  app.post('/api/staff/walks', { schema: createWalkSchema, config: PLANNING }, async (request, reply) => {
    const staff = request.staff!
    const body = request.body
    if (Date.parse(body.endsAt) <= Date.parse(body.startsAt)) {
      throw new AppError(400, 'VALIDATION_FAILED', 'endsAt must be after startsAt.', 'Slutet måste komma efter starten.', [{ field: 'endsAt', message: 'must be after startsAt' }])
    }
    const outside = await shapesOutside(app.db.kysely, staff.municipalityId, body)
    if (outside.route || outside.meetingPoint) {
      const fields = [
        ...(outside.meetingPoint ? [{ field: 'meetingPoint', message: 'is outside the municipality boundary' }] : []),
        ...(outside.route ? [{ field: 'route', message: 'leaves the municipality boundary' }] : []),
      ]
      throw new AppError(
        422,
        'VALIDATION_FAILED',
        'The route and the meeting point must lie inside the municipality.',
        'Rutten och mötesplatsen måste ligga inom kommunen.',
        fields,
      )
    }
    const walk = await app.db.kysely.transaction().execute(async (trx) => {
      const id = await insertWalk(trx, staff.municipalityId, body)
      const created = (await findWalk(trx, staff.municipalityId, id))!
      await recordAudit(trx, { municipalityId: staff.municipalityId, at: app.now(), actor: staff, action: 'walk.create', entityType: 'campaign', entityId: id, after: created })
      return created
    })
    app.invalidateTenant()
    const [withItsPath] = await withPath(request, [walk])
    return reply.status(201).send(withItsPath!)
  })

  app.get('/api/staff/walks/:id/protocol', { schema: walkProtocolSchema, config: PLANNING }, async (request) => {
    const municipalityId = request.staff!.municipalityId
    const walk = await findWalk(app.db.kysely, municipalityId, request.params.id)
    if (!walk) throw notFound('The walk', 'Vandringen')
    const [withItsPath] = await withPath(request, [walk])
    return { walk: withItsPath!, observations: await protocolObservations(app.db.kysely, municipalityId, walk.id) }
  })
}

/**
 * The pin's time: when the phone recorded it, if that lies between the start of the walk's
 * accept window and now (a phone's clock may be wrong); otherwise the time it arrived.
 */
export function recordedTime(recordedAt: string | undefined, from: Date, now: Date): Date {
  const at = recordedAt === undefined ? Number.NaN : Date.parse(recordedAt)
  return at >= from.getTime() && at <= now.getTime() ? new Date(at) : now
}

/** The honeypot of resident writes; the walk code stands in for the proof-of-work. */
async function honeypot(request: FastifyRequest) {
  const body = (request.body ?? {}) as { website?: string }
  if (body.website !== undefined && body.website.trim() !== '') {
    throw new AppError(403, 'ANTIBOT_FAILED', 'The request was refused as automated.', 'Förfrågan avvisades som automatisk.', [{ field: 'website', message: 'must be empty' }])
  }
}
