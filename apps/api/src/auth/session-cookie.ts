import type { CookieSerializeOptions } from '@fastify/cookie'

/**
 * The session cookie's names. With the Secure flag the `__Host-` prefix makes browsers refuse
 * the cookie unless it is Secure, host-only and for path `/`, so a sibling subdomain cannot
 * plant one. Without Secure (plain http on localhost) that prefix is not allowed.
 */
export const SESSION_COOKIE = { secure: '__Host-trygg_session', plain: 'trygg_session' } as const

export function sessionCookieName(secure: boolean): string {
  return secure ? SESSION_COOKIE.secure : SESSION_COOKIE.plain
}

/** HttpOnly, SameSite=Strict, Path=/, no Domain and no expiry: it ends with the browser. */
export function sessionCookieOptions(secure: boolean): CookieSerializeOptions & { path: string } {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure }
}

/** True for `localhost`, `*.localhost`, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '::1'
}

/**
 * Whether the session cookie carries the Secure flag: `true`/`false` as configured, and with
 * `auto` always, except for a request over plain http to a loopback host (local use).
 */
export function cookieIsSecure(setting: 'auto' | boolean, request: { protocol: string; hostname: string }): boolean {
  if (setting !== 'auto') return setting
  return !(request.protocol === 'http' && isLoopbackHost(request.hostname))
}
