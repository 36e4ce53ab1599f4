import type { FastifyServerOptions } from 'fastify'

/** Path segments that carry a secret: the private follow link and its API. */
const SECRET_PATHS = /(\/(?:f|api\/follow)\/)[^/?#]+/g

/** A URL fit for logs: follow tokens replaced, query string dropped. */
export function redactUrl(url: string): string {
  return (url.split('?')[0] ?? '').replace(SECRET_PATHS, '$1[redacted]')
}

/**
 * Pino options for the server: requests are logged by method, redacted URL and status only —
 * never bodies, query strings, client addresses or headers.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  }
}
