import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { applyRetention, type RetentionResult } from './retention.queries.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Deletes personal data older than the retention period, as of the app's clock. */
    runRetention: () => Promise<RetentionResult>
  }
}

export interface RetentionOptions {
  /** Days personal data is kept (TRYGG_RETENTION_DAYS). */
  days: number
  /** Time between runs; the first run follows start-up after `firstRunMs`. */
  intervalMs?: number // default: one day
  firstRunMs?: number // default: one minute
}

/**
 * The retention job: `app.runRetention()` on demand, and a daily run while the server is up.
 * Several instances may each run it; the deletes are idempotent.
 */
async function retention(app: FastifyInstance, { days, intervalMs = 24 * 3600_000, firstRunMs = 60_000 }: RetentionOptions) {
  app.decorate('runRetention', async () => {
    const result = await applyRetention(app.db.kysely, { now: app.now(), days })
    app.log.info({ followTokens: result.followTokens, contacts: result.contacts, cutoff: result.cutoff.toISOString() }, 'retention run')
    return result
  })
  const run = () => void app.runRetention().catch((err: unknown) => app.log.error({ err }, 'retention run failed'))
  let interval: NodeJS.Timeout | undefined
  const first = setTimeout(() => {
    run()
    interval = setInterval(run, intervalMs)
    interval.unref()
  }, firstRunMs)
  first.unref()
  app.addHook('onClose', async () => {
    clearTimeout(first)
    clearInterval(interval)
  })
}

export default fp(retention, { name: 'retention', dependencies: ['db', 'clock'] })
