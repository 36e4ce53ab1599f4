import type { StaffRole } from '@trygg/domain'
import type { StaffMessages } from '../i18n/staff-messages.ts'

/** Where the staff workspace lives: `/personal` ("staff" in Swedish); sign-in is at `/login`. */
export const STAFF_BASE = '/personal'
export const LOGIN_PATH = '/login'

export type SectionKey = keyof StaffMessages['sections']

/**
 * The workspace's sections in navigation order, each with its path and the roles that see it
 * (the same roles its API routes allow). New sections — the hotspot map (`/personal/karta`) and
 * the action plan (`/personal/atgardsplan`) — are added here and in `StaffApp`'s `PAGES`.
 */
export const STAFF_SECTIONS: readonly { key: SectionKey; path: string; roles: readonly StaffRole[] }[] = [
  { key: 'moderation', path: `${STAFF_BASE}/moderering`, roles: ['moderator', 'admin', 'planner'] },
  { key: 'accounts', path: `${STAFF_BASE}/konton`, roles: ['admin'] },
]

export function sectionsFor(role: StaffRole) {
  return STAFF_SECTIONS.filter((s) => s.roles.includes(role))
}

export function isStaffPath(path: string): boolean {
  return path === LOGIN_PATH || path === STAFF_BASE || path.startsWith(`${STAFF_BASE}/`)
}

/** Where to go after sign-in: `?next=` when it is a workspace path on this site, else the workspace. */
export function afterSignIn(search: string): string {
  const next = new URLSearchParams(search).get('next')
  return next && /^\/personal(\/[\w-]*)*$/.test(next) ? next : STAFF_BASE
}
