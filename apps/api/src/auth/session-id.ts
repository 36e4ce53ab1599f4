import crypto from 'node:crypto'

/** A new session id: 256 random bits, base64url (43 characters). It lives only in the cookie. */
export function newSessionId(): string {
  return crypto.randomBytes(32).toString('base64url')
}

const WELL_FORMED = /^[A-Za-z0-9_-]{43}$/

/** The SHA-256 the database keys a session by; null for a value that cannot be a session id. */
export function hashSessionId(id: string | undefined): Buffer | null {
  if (!id || !WELL_FORMED.test(id)) return null
  return crypto.createHash('sha256').update(id).digest()
}
