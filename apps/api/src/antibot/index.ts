import crypto from 'node:crypto'
import fp from 'fastify-plugin'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ChallengeResponse, ErrorBody } from '@trygg/domain'
import type { Config } from '../config/config.ts'
import { AppError } from '../errors/app-error.ts'
import { spendChallenge } from './antibot.queries.ts'
import { checkProof, newChallenge } from './proof-of-work.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * preHandler of every resident write: refuses a filled honeypot (`website`) and, with
     * anti-bot on, a missing, invalid, expired or reused proof-of-work in `altcha`.
     */
    residentWrite(request: FastifyRequest): Promise<void>
    /** Route `config.rateLimit` of resident writes (per client address, per minute). */
    residentRateLimit: { max: number; timeWindow: string }
  }
}

const refused = (message: string, messageSv: string, field: string, why: string) =>
  new AppError(403, 'ANTIBOT_FAILED', message, messageSv, [{ field, message: why }])

/**
 * Abuse protection without tracking: per-address rate limits (the address is used in memory for
 * counting only), a self-hosted ALTCHA proof-of-work and a honeypot field.
 */
async function antibot(app: FastifyInstance, opts: { config: Readonly<Config> }) {
  const { config } = opts
  const hmacKey = config.antibotSecret ?? crypto.randomBytes(32).toString('base64url')
  if (!config.antibot) {
    app.log.warn('TRYGG_ANTIBOT=off: resident writes are accepted without proof-of-work. Use this only on trusted networks and for benchmarks.')
  }

  if (config.rateLimitPerMin > 0) {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new AppError(
          429,
          'RATE_LIMITED',
          `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
          `För många försök på kort tid. Försök igen om ${Math.ceil(context.ttl / 1000)} sekunder.`,
        ),
    })
  }
  app.decorate('residentRateLimit', { max: Math.max(config.rateLimitPerMin, 1), timeWindow: '1 minute' })

  app.decorate('residentWrite', async (request: FastifyRequest) => {
    const body = (request.body ?? {}) as { altcha?: string; website?: string }
    if (body.website !== undefined && body.website.trim() !== '') {
      throw refused('The request was refused as automated.', 'Förfrågan avvisades som automatisk.', 'website', 'must be empty')
    }
    if (!config.antibot) return
    if (!body.altcha) {
      throw refused('A solved proof-of-work is required in "altcha": get one from GET /api/challenge.', 'Kontrollen mot robotar saknas. Ladda om sidan och försök igen.', 'altcha', 'is required')
    }
    const proof = await checkProof(body.altcha, hmacKey)
    if (!proof.ok) {
      throw refused('The proof-of-work is invalid or expired. Get a new challenge and try again.', 'Kontrollen mot robotar godtogs inte. Försök igen.', 'altcha', proof.reason)
    }
    const { municipality } = await app.tenant(request)
    const fresh = await spendChallenge(app.db.kysely, {
      municipalityId: municipality.municipality_id,
      signatureHash: proof.signatureHash,
      expiresAt: proof.expiresAt,
      now: app.now(),
    })
    if (!fresh) throw refused('This proof-of-work was already used. Get a new challenge.', 'Kontrollen mot robotar är redan använd. Försök igen.', 'altcha', 'was already used')
  })

  app.get(
    '/api/challenge',
    {
      schema: {
        summary: 'A proof-of-work challenge for the next resident write',
        description:
          'A signed ALTCHA (v1, SHA-256) challenge: find the number n ≤ maxnumber with SHA-256(salt + n) = challenge, then send ' +
          'base64(JSON {algorithm, challenge, number, salt, signature}) in the body field `altcha` of one write. ' +
          'Each solution is accepted once and within ten minutes. `enabled` is false when the operator turned anti-bot off.',
        tags: ['public'],
        response: { 200: ChallengeResponse, 503: ErrorBody },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store')
      return { ...(await newChallenge(hmacKey, app.now())), enabled: config.antibot }
    },
  )
}

export default fp(antibot, { name: 'antibot', dependencies: ['db', 'clock', 'municipality'] })
