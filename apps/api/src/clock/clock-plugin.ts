import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'

/** The current time. Tests pass their own to move time without sleeping. */
export type Clock = () => Date

export const systemClock: Clock = () => new Date()

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's clock: session expiry, throttling windows and audit times all read it. */
    now: Clock
  }
}

async function clockPlugin(app: FastifyInstance, opts: { clock: Clock }) {
  app.decorate('now', opts.clock)
}

export default fp(clockPlugin, { name: 'clock' })
