import { describe, expect, it } from 'vitest'
import { Open311Error } from './open311-error.ts'
import { parseRequestsFilter, parseW3cDate, type FilterContext } from './requests-filter.ts'

const ctx: FilterContext = { now: new Date('2026-06-15T12:00:00Z'), timeZone: 'Europe/Stockholm', serviceCodes: new Set(['lighting', 'speeding']) }
const DAY = 86_400_000

function refused(q: Parameters<typeof parseRequestsFilter>[0]): string[] {
  try {
    parseRequestsFilter(q, ctx)
  } catch (e) {
    expect(e).toBeInstanceOf(Open311Error)
    expect((e as Open311Error).status).toBe(400)
    return (e as Open311Error).errors.map((x) => x.description)
  }
  throw new Error('not refused')
}

describe('parseRequestsFilter', () => {
  it('defaults to the most recent 90 days, every service and status, the first 1000', () => {
    expect(parseRequestsFilter({}, ctx)).toEqual({
      kind: 'search',
      from: new Date(ctx.now.getTime() - 90 * DAY),
      to: ctx.now,
      serviceCodes: null,
      statuses: null,
      page: 1,
      pageSize: 1000,
    })
  })

  it('fills the other end of a one-sided window with 90 days', () => {
    const start = parseRequestsFilter({ start_date: '2026-01-01T00:00:00Z' }, ctx)
    expect(start).toMatchObject({ from: new Date('2026-01-01T00:00:00Z'), to: new Date(Date.parse('2026-01-01T00:00:00Z') + 90 * DAY) })
    const end = parseRequestsFilter({ end_date: '2026-04-01T00:00:00+02:00' }, ctx)
    expect(end).toMatchObject({ from: new Date(Date.parse('2026-03-31T22:00:00Z') - 90 * DAY), to: new Date('2026-03-31T22:00:00Z') })
  })

  it('accepts exactly 90 days and refuses one second more', () => {
    expect(parseRequestsFilter({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:00Z' }, ctx).kind).toBe('search')
    expect(refused({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:01Z' })[0]).toMatch(/at most 90 days.*spans 91 days/)
  })

  it('reads bare dates as local days, the end day inclusive', () => {
    const f = parseRequestsFilter({ start_date: '2026-05-01', end_date: '2026-05-31' }, ctx)
    expect(f).toMatchObject({ from: new Date('2026-04-30T22:00:00Z'), to: new Date('2026-05-31T21:59:59.999Z') })
  })

  it('refuses an end before the start', () => {
    expect(refused({ start_date: '2026-05-02T00:00:00Z', end_date: '2026-05-01T00:00:00Z' })[0]).toMatch(/before start_date/)
  })

  it('lists every problem at once', () => {
    const problems = refused({ start_date: 'yesterday', status: 'pending', service_code: 'lighting,ufo' })
    expect(problems).toHaveLength(3)
    expect(problems.join(' ')).toMatch(/start_date must be a W3C date-time.*ufo.*pending/)
  })

  it('takes ids over every other filter', () => {
    expect(parseRequestsFilter({ service_request_id: '3, 1,3', status: 'bogus', page: 2 }, ctx)).toEqual({ kind: 'ids', ids: [3, 1], page: 2, pageSize: 1000 })
    expect(refused({ service_request_id: '1,abc,-2' })[0]).toMatch(/"abc", "-2"/)
    expect(refused({ service_request_id: Array.from({ length: 1001 }, (_, i) => i + 1).join(',') })[0]).toMatch(/at most 1000/)
  })

  it('reads statuses and service codes as lists', () => {
    expect(parseRequestsFilter({ status: 'open,closed', service_code: 'speeding' }, ctx)).toMatchObject({ statuses: ['open', 'closed'], serviceCodes: ['speeding'] })
  })
})

describe('parseW3cDate', () => {
  const read = (raw: string) => {
    const problems: string[] = []
    const d = parseW3cDate(raw, 'start_date', 'Europe/Stockholm', 'start', problems)
    return problems.length ? null : d!.toISOString()
  }
  it.each([
    ['2010-01-01T00:00:00Z', '2010-01-01T00:00:00.000Z'],
    ['2026-05-01T08:00+02:00', '2026-05-01T06:00:00.000Z'],
    ['2026-05-01T08:00:30.5-05:00', '2026-05-01T13:00:30.500Z'],
    ['2026-05-01T08:00:00 02:00', '2026-05-01T06:00:00.000Z'],
    ['2024-02-29', '2024-02-28T23:00:00.000Z'],
  ])('reads %s', (raw, iso) => expect(read(raw)).toBe(iso))

  it.each(['2026-05-01T08:00:00', '2026-02-30T00:00:00Z', '2025-02-29', '2026-13-01', '2026-05-01T24:00:00Z', '2026-05-01T08:00:00+15:00', '1714550400', 'yesterday', ''])(
    'refuses %s',
    (raw) => expect(read(raw)).toBeNull(),
  )
})
