import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { StaffSession } from '@trygg/domain'
import { findLoginAccount, setPasswordHash } from '../accounts/accounts.queries.ts'
import { normalizeEmail } from '../accounts/create-account.ts'
import type { Config } from '../config/config.ts'
import { AppError } from '../errors/app-error.ts'
import { attachSession, type ActiveSession } from './auth-plugin.ts'
import { loginSchema, logoutSchema, sessionSchema } from './auth.schema.ts'
import { newCsrfToken } from './csrf.ts'
import { forgiveAttempt, reserveAttempt, throttleKeys } from './login-throttle.ts'
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './passwords.ts'
import { cookieIsSecure, sessionCookieName } from './session-cookie.ts'
import { hashSessionId, newSessionId } from './session-id.ts'
import { deleteEndedSessions, deleteSession, findSession, insertSession } from './sessions.queries.ts'

/** Sign-in, sign-out and the session: the staff routes that need no session of their own. */
export default async function auth(appBase: FastifyInstance, opts: { config: Readonly<Config> }) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()
  // Hashed once at start, so the first login with an unknown email is not faster than the rest.
  void dummyHash()

  const invalid = () => new AppError(401, 'INVALID_CREDENTIALS', 'Wrong email or password.', 'Fel e-postadress eller lösenord.')

  // The origin is checked first, before the body is read.
  app.post('/api/auth/login', { schema: loginSchema, onRequest: async (request) => app.verifyOrigin(request) }, async (request, reply) => {
    const email = normalizeEmail(request.body.email)
    const keys = throttleKeys(email, request.ip)
    const now = app.now()
    const reservation = await reserveAttempt(app.db.kysely, keys, now)
    if (!reservation.ok) {
      request.log.warn({ throttledBy: reservation.by, retryAfterSeconds: reservation.retryAfterSeconds }, 'login throttled')
      reply.header('retry-after', String(reservation.retryAfterSeconds))
      throw new AppError(
        429,
        'TOO_MANY_ATTEMPTS',
        `Too many failed sign-in attempts. Try again in ${Math.ceil(reservation.retryAfterSeconds / 60)} minutes.`,
        `För många misslyckade inloggningsförsök. Försök igen om ${Math.ceil(reservation.retryAfterSeconds / 60)} minuter.`,
      )
    }
    const account = await findLoginAccount(app.db.kysely, email)
    const matches = await verifyPassword(account?.passwordHash ?? (await dummyHash()), request.body.password)
    if (!account || !matches || account.disabled) {
      // The log names an existing account by id only; what was typed is never logged.
      request.log.info({ staffId: account?.id ?? null, reason: !account ? 'unknown account' : !matches ? 'wrong password' : 'disabled' }, 'login failed')
      throw invalid()
    }
    await forgiveAttempt(app.db.kysely, reservation, keys)
    if (needsRehash(account.passwordHash)) {
      await setPasswordHash(app.db.kysely, account.municipalityId, account.id, await hashPassword(request.body.password), now)
    }

    // A new session id at every sign-in; whatever session the browser brought ends here.
    const previous = hashSessionId(request.cookies[sessionCookieName(cookieIsSecure(opts.config.session.cookieSecure, request))])
    if (previous) await deleteSession(app.db.kysely, previous)
    await deleteEndedSessions(app.db.kysely, now, app.sessionLimits.idleMs)
    const sessionId = newSessionId()
    const idHash = hashSessionId(sessionId)!
    const expiresAt = new Date(now.getTime() + app.sessionLimits.absoluteMs)
    await insertSession(app.db.kysely, { idHash, municipalityId: account.municipalityId, staffId: account.id, csrfToken: newCsrfToken(), createdAt: now, expiresAt })
    request.log.info({ staffId: account.id }, 'login succeeded')
    app.setSessionCookie(request, reply, sessionId)
    const row = await findSession(app.db.kysely, idHash)
    return sessionBody(request, row ? attachSession(request, row, app.sessionLimits) : null)
  })

  app.post('/api/auth/logout', { schema: logoutSchema }, async (request, reply) => {
    const session = await app.loadStaffSession(request)
    if (session) {
      app.verifyCsrf(request, session)
      await deleteSession(app.db.kysely, session.idHash)
      request.log.info({ staffId: request.staff?.id }, 'logout')
    }
    app.setSessionCookie(request, reply, null)
    return reply.status(204).send(null)
  })

  app.get('/api/auth/session', { schema: sessionSchema }, async (request, reply) => {
    const session = await app.loadStaffSession(request)
    reply.header('cache-control', 'no-store')
    return sessionBody(request, session)
  })
}

function sessionBody(request: FastifyRequest, session: ActiveSession | null): StaffSession {
  const staff = request.staff
  if (!session || !staff) throw new AppError(401, 'NOT_AUTHENTICATED', 'Not signed in.', 'Inte inloggad.')
  return {
    staff: { id: staff.id, email: staff.email, role: staff.role, organisation: staff.organisation, municipality: session.municipality },
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
    idleExpiresAt: session.idleExpiresAt.toISOString(),
  }
}
