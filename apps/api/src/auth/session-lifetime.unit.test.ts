import { describe, expect, it } from 'vitest'
import { idleEnd, sessionIsOver, sessionLimits } from './session-lifetime.ts'

const limits = sessionLimits({ idleMinutes: 30, absoluteHours: 12 })
const t = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 8) + minutes * 60_000)
const session = (lastSeen: number, signedIn = 0) => ({ lastSeenAt: t(lastSeen), expiresAt: t(signedIn + 12 * 60) })

describe('session lifetime', () => {
  it('ends after 30 idle minutes', () => {
    expect(sessionIsOver(session(0), t(29.99), limits)).toBe(false)
    expect(sessionIsOver(session(0), t(30), limits)).toBe(true)
  })
  it('ends 12 hours after sign-in, even in use', () => {
    expect(sessionIsOver(session(12 * 60 - 1), t(12 * 60 - 0.01), limits)).toBe(false)
    expect(sessionIsOver(session(12 * 60 - 1), t(12 * 60), limits)).toBe(true)
  })
  it('reports the sooner of the idle and the absolute end', () => {
    expect(idleEnd(session(60), limits)).toEqual(t(90))
    expect(idleEnd(session(12 * 60 - 10), limits)).toEqual(t(12 * 60))
  })
})
