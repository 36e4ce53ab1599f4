import type { StaffRole } from '@trygg/domain'
import type { StaffMessages } from '../i18n/staff-messages.ts'
import { LOGIN_PATH, POLICE_PATH, STAFF_BASE } from '../app/staff-paths.ts'

export { LOGIN_PATH, POLICE_PATH, STAFF_BASE, isStaffPath } from '../app/staff-paths.ts'

export type SectionKey = keyof StaffMessages['sections']

/**
 * The workspace's sections in navigation order, each with its path and the roles that see it
 * (the same roles its API routes allow). A new section is added here and in `StaffApp`'s `PAGES`.
 */
export const STAFF_SECTIONS: readonly { key: SectionKey; path: string; roles: readonly StaffRole[] }[] = [
  { key: 'moderation', path: `${STAFF_BASE}/moderering`, roles: ['moderator', 'admin', 'planner'] },
  { key: 'traffic', path: POLICE_PATH, roles: ['police', 'planner', 'admin'] },
  { key: 'hotspots', path: `${STAFF_BASE}/karta`, roles: ['planner', 'police', 'admin'] },
  { key: 'actions', path: `${STAFF_BASE}/atgardsplan`, roles: ['planner', 'admin', 'police', 'partner'] },
  { key: 'statistics', path: `${STAFF_BASE}/statistik`, roles: ['planner', 'admin', 'police'] },
  { key: 'followUp', path: `${STAFF_BASE}/uppfoljning`, roles: ['planner', 'admin', 'police'] },
  { key: 'imports', path: `${STAFF_BASE}/import`, roles: ['planner', 'admin'] },
  { key: 'walks', path: `${STAFF_BASE}/vandringar`, roles: ['planner', 'admin'] },
  { key: 'accounts', path: `${STAFF_BASE}/konton`, roles: ['admin'] },
  { key: 'apiKeys', path: `${STAFF_BASE}/api-nycklar`, roles: ['admin'] },
  { key: 'administration', path: `${STAFF_BASE}/administration`, roles: ['admin'] },
]

export function sectionsFor(role: StaffRole) {
  return STAFF_SECTIONS.filter((s) => s.roles.includes(role))
}

/** Where to go after sign-in: `?next=` when it is a workspace path on this site, else the workspace. */
export function afterSignIn(search: string): string {
  const next = new URLSearchParams(search).get('next')
  return next && /^\/(personal|polis)(\/[\w-]*)*$/.test(next) ? next : STAFF_BASE
}
