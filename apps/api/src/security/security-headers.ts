import helmet from '@fastify/helmet'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'

export interface SecurityHeaderOptions {
  /** Tile URL template; its host is allowed for images. */
  tileUrl: string
  /** Further origins the browser may fetch from (e.g. a geocoder), from configuration. */
  connectOrigins?: string[]
}

/**
 * The source expression that allows a tile template's host: `https://{s}.tile.example/…`
 * becomes `https://*.tile.example`; a relative template needs nothing beyond 'self'.
 * @example tileSource('https://tile.openstreetmap.org/{z}/{x}/{y}.png') // 'https://tile.openstreetmap.org'
 */
export function tileSource(tileUrl: string): string | null {
  const match = /^(https?:)?\/\/([^/]+)/.exec(tileUrl)
  if (!match) return null
  const host = match[2]!.replace(/\{[a-z]+\}/g, '*')
  return `${match[1] ?? 'https:'}//${host}`
}

/**
 * Security headers on every response: a content security policy without inline script (map
 * tiles and configured services allowed by host), HSTS, nosniff, frame-ancestors 'none' and a
 * referrer policy that sends other sites the origin only (tile servers ask for a referrer).
 */
async function securityHeaders(app: FastifyInstance, opts: SecurityHeaderOptions) {
  const tiles = tileSource(opts.tileUrl)
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
        connectSrc: ["'self'", ...(opts.connectOrigins ?? [])],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        workerSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  })
}

export default fp(securityHeaders, { name: 'security-headers' })
