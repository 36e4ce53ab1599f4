import fp from 'fastify-plugin'
import cookie from '@fastify/cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify'
import type { StaffRole } from '@trygg/domain'
import type { Config } from '../config/config.ts'
import { AppError } from '../errors/app-error.ts'
import { CSRF_HEADER, STATE_CHANGING, claimedOrigin, csrfTokenMatches, expectedOrigin } from './csrf.ts'
import { declaredRoles, isGuardedUrl, type GuardedRoute } from './guarded-routes.ts'
import { cookieIsSecure, sessionCookieName, sessionCookieOptions } from './session-cookie.ts'
import { hashSessionId } from './session-id.ts'
import { TOUCH_INTERVAL_MS, idleEnd, sessionIsOver, sessionLimits, type SessionLimits } from './session-lifetime.ts'
import { deleteSession, findSession, touchSession, type SessionRow } from './sessions.queries.ts'

/** Who a staff request is made by. Every staff query is scoped by `municipalityId`. */
export interface StaffPrincipal {
  id: number
  municipalityId: number
  role: StaffRole
  /** Set for partners only. */
  organisation: string | null
  email: string
}

/** The request's live session. */
export interface ActiveSession {
  idHash: Buffer
  csrfToken: string
  expiresAt: Date
  idleExpiresAt: Date
  municipality: { slug: string; name: string }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member; set on guarded routes (and after `loadStaffSession`). */
    staff: StaffPrincipal | null
    staffSession: ActiveSession | null
  }
  interface FastifyInstance {
    /**
     * An onRequest hook answering 401 without a live session, 403 (CSRF_REJECTED) for a
     * state-changing request without the session's CSRF token or from another origin, and 403
     * for a role not in `roles`; every answer carries `Cache-Control: no-store`. Routes under the guarded prefixes get it from their
     * `config.roles` automatically; it runs before body validation, so an anonymous caller
     * learns nothing about a route's schema.
     */
    requireRole(...roles: StaffRole[]): onRequestHookHandler
    /** Reads and checks the session cookie once per request; ends a session that is over. */
    loadStaffSession(request: FastifyRequest): Promise<ActiveSession | null>
    /** Throws 403 CSRF_REJECTED unless the request's Origin/Referer is the site's origin. */
    verifyOrigin(request: FastifyRequest): void
    /** Throws 403 CSRF_REJECTED unless the origin matches and the CSRF token is the session's. */
    verifyCsrf(request: FastifyRequest, session: ActiveSession): void
    /** Sets or clears the session cookie with the flags this request calls for. */
    setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string | null): void
    sessionLimits: SessionLimits
    /** Every route under the guarded prefixes with its declared roles, in registration order. */
    guardedRoutes: readonly GuardedRoute[]
  }
  interface FastifyContextConfig {
    /** The staff roles that may use this route; required under /api/staff/, /api/police/, /api/partner/. */
    roles?: readonly StaffRole[]
  }
}

const loaded = Symbol('staffSessionLoaded')

/** Makes a live session row the request's `staff` and `staffSession`. */
export function attachSession(request: FastifyRequest, row: SessionRow, limits: SessionLimits): ActiveSession {
  request.staff = { id: row.staffId, municipalityId: row.municipalityId, role: row.role, organisation: row.organisation, email: row.email }
  request.staffSession = {
    idHash: row.idHash,
    csrfToken: row.csrfToken,
    expiresAt: row.expiresAt,
    idleExpiresAt: idleEnd(row, limits),
    municipality: { slug: row.municipalitySlug, name: row.municipalityName },
  }
  ;(request as FastifyRequest & { [loaded]?: boolean })[loaded] = true
  return request.staffSession
}
const guard = Symbol('staffGuard')

/**
 * Staff authentication and authorisation, shared by every staff feature: the session cookie,
 * session checks with idle and absolute timeouts, CSRF checks and role guards.
 */
async function authPlugin(app: FastifyInstance, opts: { config: Readonly<Config> }) {
  const { config } = opts
  const limits = sessionLimits(config.session)
  const guarded: GuardedRoute[] = []

  await app.register(cookie)
  app.decorateRequest('staff', null)
  app.decorateRequest('staffSession', null)
  app.decorate('sessionLimits', limits)
  app.decorate('guardedRoutes', guarded)

  const secureFor = (request: FastifyRequest) => cookieIsSecure(config.session.cookieSecure, request)

  app.decorate('setSessionCookie', (request: FastifyRequest, reply: FastifyReply, sessionId: string | null) => {
    const secure = secureFor(request)
    const name = sessionCookieName(secure)
    if (sessionId) reply.setCookie(name, sessionId, sessionCookieOptions(secure))
    else reply.clearCookie(name, sessionCookieOptions(secure))
  })

  app.decorate('loadStaffSession', async (request: FastifyRequest): Promise<ActiveSession | null> => {
    const r = request as FastifyRequest & { [loaded]?: boolean }
    if (r[loaded]) return request.staffSession
    r[loaded] = true
    const idHash = hashSessionId(request.cookies[sessionCookieName(secureFor(request))])
    if (!idHash) return null
    const row = await findSession(app.db.kysely, idHash)
    if (!row) return null
    const now = app.now()
    if (sessionIsOver(row, now, limits)) {
      await deleteSession(app.db.kysely, idHash)
      return null
    }
    let lastSeenAt = row.lastSeenAt
    if (now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await touchSession(app.db.kysely, idHash, now)
      lastSeenAt = now
    }
    attachSession(request, { ...row, lastSeenAt }, limits)
    return request.staffSession
  })

  app.decorate('verifyOrigin', (request: FastifyRequest) => {
    const claimed = claimedOrigin(request.headers)
    const expected = expectedOrigin(config.publicOrigin, request)
    if (!claimed || claimed !== expected) {
      request.log.warn({ reason: claimed ? 'foreign origin' : 'no origin' }, 'csrf check refused a request')
      throw new AppError(403, 'CSRF_REJECTED', 'The request did not come from this site.', 'Förfrågan kom inte från den här webbplatsen.')
    }
  })

  app.decorate('verifyCsrf', (request: FastifyRequest, session: ActiveSession) => {
    app.verifyOrigin(request)
    if (!csrfTokenMatches(request.headers[CSRF_HEADER], session.csrfToken)) {
      request.log.warn({ reason: 'token' }, 'csrf check refused a request')
      throw new AppError(
        403,
        'CSRF_REJECTED',
        `The ${CSRF_HEADER} header is missing or does not match the session; reload the page.`,
        'Säkerhetstoken saknas eller stämmer inte; ladda om sidan.',
      )
    }
  })

  app.decorate('requireRole', (...roles: StaffRole[]): onRequestHookHandler => {
    const allowed = new Set<StaffRole>(roles)
    const hook = async function requireRole(request: FastifyRequest, reply: FastifyReply) {
      // Staff answers are never stored by browsers or proxies.
      reply.header('cache-control', 'no-store')
      const session = await app.loadStaffSession(request)
      if (!session || !request.staff) {
        throw new AppError(401, 'NOT_AUTHENTICATED', 'Sign in to use this.', 'Logga in för att använda detta.')
      }
      if (STATE_CHANGING.has(request.method)) app.verifyCsrf(request, session)
      if (!allowed.has(request.staff.role)) {
        throw new AppError(403, 'FORBIDDEN', 'Your role may not use this.', 'Din roll får inte använda detta.')
      }
    }
    return Object.assign(hook, { [guard]: true })
  })

  app.addHook('onRoute', (route) => {
    if (!isGuardedUrl(route.url)) return
    const roles = declaredRoles(route.method, route.url, route.config)
    const existing = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]
    // Never add the guard twice to one route, whatever its options were copied from.
    if (!existing.some((h) => (h as { [guard]?: boolean })[guard])) {
      route.onRequest = [app.requireRole(...roles), ...existing]
    }
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      if (method !== 'HEAD') guarded.push({ method, url: route.url, roles })
    }
  })
}

export default fp(authPlugin, { name: 'auth', dependencies: ['db', 'clock'] })
