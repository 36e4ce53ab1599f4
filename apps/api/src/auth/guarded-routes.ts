import { STAFF_ROLES, type StaffRole } from '@trygg/domain'

/** Every route under these prefixes needs a staff session and declares the roles that may use it. */
export const GUARDED_PREFIXES = ['/api/staff/', '/api/police/', '/api/partner/'] as const

export function isGuardedUrl(url: string): boolean {
  return GUARDED_PREFIXES.some((prefix) => url.startsWith(prefix) || url === prefix.slice(0, -1))
}

/** A guarded route as registered: what the role × route tests are generated from. */
export interface GuardedRoute {
  method: string
  url: string
  roles: readonly StaffRole[]
}

/**
 * The roles a guarded route declares in `config.roles`. Throws at registration when there are
 * none or an unknown one, so a staff route cannot be added without deciding who may use it.
 */
export function declaredRoles(method: string | string[], url: string, config: unknown): readonly StaffRole[] {
  const roles = (config as { roles?: unknown } | undefined)?.roles
  if (!Array.isArray(roles) || roles.length === 0) {
    throw new Error(`${String(method)} ${url} is a staff route but declares no roles: add config: { roles: [...] }`)
  }
  const unknown = roles.filter((r) => !(STAFF_ROLES as readonly unknown[]).includes(r))
  if (unknown.length) throw new Error(`${String(method)} ${url} declares unknown roles: ${unknown.join(', ')}`)
  return roles as StaffRole[]
}

/** The OpenAPI security scheme of staff routes: the session cookie. */
export const STAFF_SECURITY_SCHEME = {
  staffSession: {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-trygg_session',
    description:
      'The session cookie set by POST /api/auth/login (named trygg_session on plain http to localhost). ' +
      'State-changing requests also need the x-csrf-token header and an Origin of the site.',
  },
} as const

/**
 * @fastify/swagger transform: a guarded route's roles appear in its operation as `x-roles`
 * and in its description, with the session security requirement.
 */
export function documentRoles({ schema, url, route }: { schema: unknown; url: string; route: { config?: unknown } }) {
  const roles = (route.config as { roles?: readonly StaffRole[] } | undefined)?.roles
  if (!roles || !isGuardedUrl(url)) return { schema: schema as Record<string, unknown>, url }
  const s = (schema ?? {}) as Record<string, unknown>
  const note = `Roles: ${roles.join(', ')}.`
  return {
    url,
    schema: {
      ...s,
      description: s.description ? `${String(s.description)}\n\n${note}` : note,
      security: [{ staffSession: [] }],
      'x-roles': [...roles],
    },
  }
}
