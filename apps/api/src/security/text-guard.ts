import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../errors/app-error.ts'

/** Path of the first string in `value` holding a NUL character, or null. */
export function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'value' : null
  if (value === null || typeof value !== 'object') return null
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key
    if (key.includes('\u0000')) return at
    const found = findNul(inner, at)
    if (found) return found
  }
  return null
}

/**
 * Refuses, on every route, a body, query string or path parameter holding a NUL character:
 * PostgreSQL text cannot store one, so it would otherwise fail deep in a query as a 500.
 */
async function textGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    for (const part of ['body', 'querystring', 'params'] as const) {
      const field = findNul(part === 'querystring' ? request.query : request[part])
      if (field) {
        throw new AppError(400, 'VALIDATION_FAILED', `Invalid ${part}: ${field} must not contain a NUL character.`, 'Texten innehåller ett otillåtet tecken.', [
          { field, message: 'must not contain a NUL character' },
        ])
      }
    }
  })
}

export default fp(textGuard, { name: 'text-guard' })
