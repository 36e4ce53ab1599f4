import type { FastifyInstance } from 'fastify'
import { AppConfig } from '@trygg/domain'
import type { Config } from '../config/config.ts'
import { appConfigOf } from './app-config.ts'

/** What the web app needs to draw the municipality's map and the pin form. */
export default async function publicConfig(app: FastifyInstance, opts: { config: Readonly<Config> }) {
  app.get(
    '/api/config',
    {
      schema: {
        summary: 'The municipality, its categories, the active campaign and map settings',
        tags: ['public'],
        response: { 200: AppConfig },
      },
    },
    async (request) => appConfigOf(app.db.kysely, await app.tenant(request), opts.config, app.now()),
  )
}
