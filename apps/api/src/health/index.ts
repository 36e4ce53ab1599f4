import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import Type from 'typebox'

const Health = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
    db: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
    dbStatus: Type.Optional(Type.Union([Type.Literal('up'), Type.Literal('down')])),
  },
  { examples: [{ status: 'ok', db: 'postgres' }, { status: 'error', db: 'postgres', dbStatus: 'down' }] },
)

const CHECK_TIMEOUT_MS = 2_000

/** Liveness and database reachability. */
export default async function health(app: FastifyInstance) {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Service and database health',
        tags: ['public'],
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const engine = app.db.engine
      const up = await Promise.race([
        sql`SELECT 1`.execute(app.db.kysely).then(() => true, () => false),
        new Promise<boolean>((resolve) => setTimeout(resolve, CHECK_TIMEOUT_MS, false).unref()),
      ])
      if (up) return { status: 'ok' as const, db: engine }
      return reply.status(503).send({ status: 'error' as const, db: engine, dbStatus: 'down' as const })
    },
  )
}
