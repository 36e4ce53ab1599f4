import { describe, expect, it } from 'vitest'
import { campaignState, dayEnd, dayOf, dayStart } from './campaign-dates.ts'

describe('campaign dates', () => {
  it('turns first and last day into a half-open period and back', () => {
    const start = dayStart('2026-09-01')
    const end = dayEnd('2026-09-30')
    expect(Date.parse(end) - Date.parse(start)).toBeGreaterThanOrEqual(29 * 86_400_000)
    expect(dayOf(start)).toBe('2026-09-01')
    expect(dayOf(end, 'end')).toBe('2026-09-30')
    expect(dayOf(end)).toBe('2026-10-01')
  })

  it('tells running, upcoming and ended campaigns apart', () => {
    const now = Date.parse('2026-09-15T12:00:00Z')
    expect(campaignState({ startsAt: '2026-09-01T00:00:00Z', endsAt: '2026-10-01T00:00:00Z' }, now)).toBe('active')
    expect(campaignState({ startsAt: '2026-09-01T00:00:00Z', endsAt: null }, now)).toBe('active')
    expect(campaignState({ startsAt: '2026-09-20T00:00:00Z', endsAt: null }, now)).toBe('upcoming')
    expect(campaignState({ startsAt: '2026-08-01T00:00:00Z', endsAt: '2026-09-15T12:00:00Z' }, now)).toBe('ended')
  })
})
