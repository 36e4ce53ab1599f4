import { describe, expect, it } from 'vitest'
import { formatZonedDate, formatZonedDateTime, lastDay } from './zoned-date.ts'

describe('dates in the municipality time zone', () => {
  it('writes Swedish dates and 24-hour times in the zone, across midnight and daylight saving', () => {
    expect(formatZonedDate('2026-05-14T22:30:00Z', 'sv', 'Europe/Stockholm')).toBe('15 maj 2026')
    expect(formatZonedDate('2026-05-14T22:30:00Z', 'sv', 'UTC')).toBe('14 maj 2026')
    expect(formatZonedDateTime('2026-05-14T19:40:00Z', 'sv', 'Europe/Stockholm')).toBe('14 maj 2026 kl. 21:40')
    expect(formatZonedDateTime('2026-01-14T19:40:00Z', 'sv', 'Europe/Stockholm')).toBe('14 januari 2026 kl. 20:40')
    expect(formatZonedDateTime('2026-01-14T19:40:00Z', 'en', 'Europe/Stockholm')).toBe('14 January 2026 at 20:40')
  })

  it('names the last day of a campaign that ends at local midnight', () => {
    expect(lastDay('2026-05-17T22:00:00Z', 'sv', 'Europe/Stockholm')).toBe('17 maj 2026')
    expect(lastDay('2026-05-18T10:00:00Z', 'sv', 'Europe/Stockholm')).toBe('18 maj 2026')
  })
})
