import { describe, expect, it } from 'vitest'
import { formatInZone, offsetAt, startOfLocalDay } from './zoned-time.ts'

describe('formatInZone', () => {
  it.each([
    ['2026-05-14T19:40:12Z', 'Europe/Stockholm', '2026-05-14T21:40:12+02:00'],
    ['2026-01-14T19:40:12.999Z', 'Europe/Stockholm', '2026-01-14T20:40:12+01:00'],
    ['2026-03-29T00:59:59Z', 'Europe/Stockholm', '2026-03-29T01:59:59+01:00'],
    ['2026-03-29T01:00:00Z', 'Europe/Stockholm', '2026-03-29T03:00:00+02:00'],
    ['2026-06-01T00:00:00Z', 'UTC', '2026-06-01T00:00:00+00:00'],
    ['2026-06-01T00:00:00Z', 'America/St_Johns', '2026-05-31T21:30:00-02:30'],
    ['2026-12-31T23:30:00Z', 'Asia/Kolkata', '2027-01-01T05:00:00+05:30'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    const out = formatInZone(new Date(instant), zone)
    expect(out).toBe(expected)
    expect(new Date(out).getTime()).toBe(Math.floor(new Date(instant).getTime() / 1000) * 1000)
  })
})

describe('startOfLocalDay', () => {
  it.each([
    ['2026-05-01', 'Europe/Stockholm', '2026-04-30T22:00:00.000Z'],
    ['2026-01-01', 'Europe/Stockholm', '2025-12-31T23:00:00.000Z'],
    ['2026-03-29', 'Europe/Stockholm', '2026-03-28T23:00:00.000Z'],
    ['2026-10-25', 'Europe/Stockholm', '2026-10-24T22:00:00.000Z'],
    ['2026-06-01', 'UTC', '2026-06-01T00:00:00.000Z'],
    ['2026-06-01', 'America/Los_Angeles', '2026-06-01T07:00:00.000Z'],
  ])('%s in %s starts at %s', (day, zone, expected) => {
    expect(startOfLocalDay(day, zone).toISOString()).toBe(expected)
  })

  it('gives the first existing minute when the clock skips midnight', () => {
    // Santiago springs forward at 00:00 on 2026-09-06: that day starts at 01:00 local, -03:00.
    const start = startOfLocalDay('2026-09-06', 'America/Santiago')
    expect(formatInZone(start, 'America/Santiago')).toBe('2026-09-06T01:00:00-03:00')
  })

  it('knows offsets', () => {
    expect(offsetAt(new Date('2026-07-01T00:00:00Z'), 'Europe/Stockholm')).toBe(2 * 3600_000)
    expect(offsetAt(new Date('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-4 * 3600_000)
  })
})
