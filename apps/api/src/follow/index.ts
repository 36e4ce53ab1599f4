import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { ErrorBody, FollowParams, FollowedPin } from '@trygg/domain'
import { notFound } from '../errors/app-error.ts'
import { hashFollowToken } from '../pins/pins.queries.ts'
import { deleteFollowedPin, findFollowedPin } from './follow.queries.ts'

/** Tokens are 128 random bits in base64url; anything else cannot be one. */
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/

const errors = { 400: ErrorBody, 404: ErrorBody, 429: ErrorBody, 503: ErrorBody }
const noMark = () => notFound('The mark', 'Markeringen')

/** The private follow link `/f/<token>`: the author's view of their pin, and deleting it. */
export default async function follow(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/api/follow/:token',
    {
      schema: {
        summary: "The author's view of a pin through its private follow token",
        description:
          'The pin (with its own comment and moderation state), its status history from received on, and the linked ' +
          '`actionItem`: the public action item linked to the pin, or null. Unknown tokens answer 404.',
        tags: ['pins'],
        params: FollowParams,
        response: { 200: FollowedPin, ...errors },
      },
    },
    async (request, reply) => {
      const { municipality } = await app.tenant(request)
      const { token } = request.params
      const followed = TOKEN.test(token) ? await findFollowedPin(app.db.kysely, municipality.municipality_id, hashFollowToken(token)) : undefined
      if (!followed) throw noMark()
      // Private: never stored by shared caches, never sent on to other sites.
      reply.header('cache-control', 'no-store')
      return followed
    },
  )

  app.delete(
    '/api/follow/:token',
    {
      schema: {
        summary: 'Delete one’s own pin',
        description: 'Deletes the pin behind the follow token with its history and agreements. The token is the credential. Answers 204.',
        tags: ['pins'],
        params: FollowParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errors },
      },
      config: { rateLimit: app.residentRateLimit },
    },
    async (request, reply) => {
      const { municipality } = await app.tenant(request)
      const { token } = request.params
      const deleted = TOKEN.test(token) && (await deleteFollowedPin(app.db.kysely, municipality.municipality_id, hashFollowToken(token), app.now()))
      if (!deleted) throw noMark()
      return reply.status(204).send(null)
    },
  )
}
