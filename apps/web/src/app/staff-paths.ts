/** Where the staff workspace lives: `/personal` ("staff" in Swedish); sign-in is at `/login`. */
export const STAFF_BASE = '/personal'
export const LOGIN_PATH = '/login'
/** The police traffic workspace ("polis"), part of the staff workspace. */
export const POLICE_PATH = '/polis'

/** Whether the page belongs to the staff workspace, which the resident entry loads lazily. */
export function isStaffPath(path: string): boolean {
  return path === LOGIN_PATH || path === STAFF_BASE || path.startsWith(`${STAFF_BASE}/`) || path === POLICE_PATH || path.startsWith(`${POLICE_PATH}/`)
}
