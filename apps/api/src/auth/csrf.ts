import crypto from 'node:crypto'

/** Methods that change state and so need the CSRF token and a matching origin. */
export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export const CSRF_HEADER = 'x-csrf-token'

/** A new CSRF token: 256 random bits, base64url. */
export function newCsrfToken(): string {
  return crypto.randomBytes(32).toString('base64url')
}

/** Compares a token sent by the client with the session's, in constant time. */
export function csrfTokenMatches(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false
  const a = Buffer.from(sent)
  const b = Buffer.from(expected)
  return a.length === b.length && crypto.timingSafeEqual(a, b)
}

function originOf(value: string): string | null {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null
  } catch {
    return null
  }
}

/**
 * The origin a request says it comes from: its Origin header, else the origin of its Referer;
 * null when neither is there or usable (`Origin: null` included).
 */
export function claimedOrigin(headers: { origin?: string | undefined; referer?: string | undefined }): string | null {
  if (headers.origin !== undefined) return headers.origin === 'null' ? null : originOf(headers.origin)
  return headers.referer ? originOf(headers.referer) : null
}

/**
 * The origin state-changing requests must come from: the configured public origin, or else the
 * origin the request was sent to (its scheme and Host header).
 */
export function expectedOrigin(publicOrigin: string | null, request: { protocol: string; host: string }): string | null {
  return publicOrigin ?? originOf(`${request.protocol}://${request.host}`)
}
