/** How long sessions last; from the configuration. */
export interface SessionLimits {
  idleMs: number
  absoluteMs: number
}

export function sessionLimits(session: { idleMinutes: number; absoluteHours: number }): SessionLimits {
  return { idleMs: session.idleMinutes * 60_000, absoluteMs: session.absoluteHours * 3_600_000 }
}

/**
 * A session is over when it has not been used for the idle time, or when its absolute end
 * (sign-in plus the absolute time, stored as `expiresAt`) has come.
 */
export function sessionIsOver(s: { lastSeenAt: Date; expiresAt: Date }, now: Date, limits: SessionLimits): boolean {
  return now.getTime() >= s.expiresAt.getTime() || now.getTime() - s.lastSeenAt.getTime() >= limits.idleMs
}

/** When the session ends if it is not used again: the idle end, or the absolute end if sooner. */
export function idleEnd(s: { lastSeenAt: Date; expiresAt: Date }, limits: SessionLimits): Date {
  return new Date(Math.min(s.lastSeenAt.getTime() + limits.idleMs, s.expiresAt.getTime()))
}

/** `last_seen_at` is written at most this often, so a burst of requests costs one write. */
export const TOUCH_INTERVAL_MS = 15_000
