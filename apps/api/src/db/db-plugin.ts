import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { Db } from './database.ts'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
  }
}

/** Shares the open database with every feature plugin. The caller owns opening and closing it. */
async function dbPlugin(app: FastifyInstance, opts: { db: Db }) {
  app.decorate('db', opts.db)
}

export default fp(dbPlugin, { name: 'db' })
