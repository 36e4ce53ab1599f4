import type { Open311RequestsQuery } from '@trygg/domain'
import { badRequest } from './open311-error.ts'
import { startOfLocalDay } from './zoned-time.ts'

/** The longest span of requested_datetime one query may cover, and the default window. */
export const MAX_SPAN_DAYS = 90
/** Most ids one `service_request_id` list may hold. */
export const MAX_IDS = 1000
export const DEFAULT_PAGE_SIZE = 1000

const DAY_MS = 86_400_000

export type Open311Status = 'open' | 'closed'

export interface Page {
  page: number // from 1
  pageSize: number
}

/** What GET requests asks for: either given ids (which override every other filter) or a search. */
export type RequestsFilter =
  | ({ kind: 'ids'; ids: number[] } & Page)
  | ({
      kind: 'search'
      /** Inclusive bounds of requested_datetime. */
      from: Date
      to: Date
      /** null: every service. */
      serviceCodes: string[] | null
      /** null: both statuses. */
      statuses: Open311Status[] | null
    } & Page)

export interface FilterContext {
  now: Date
  /** The municipality's IANA zone: a bare date is a local calendar day. */
  timeZone: string
  /** Every service code of the municipality, active or not. */
  serviceCodes: ReadonlySet<string>
}

/**
 * Reads the GET requests arguments the way GeoReport v2 defines them. With neither date the
 * window is the most recent 90 days; with one, the 90 days after start_date or before
 * end_date. Throws an Open311Error (400) listing every problem.
 */
export function parseRequestsFilter(q: Open311RequestsQuery, ctx: FilterContext): RequestsFilter {
  const page = { page: q.page ?? 1, pageSize: q.page_size ?? DEFAULT_PAGE_SIZE }
  if (q.service_request_id !== undefined) {
    return { kind: 'ids', ids: parseIds(q.service_request_id), ...page }
  }
  const problems: string[] = []
  const from = q.start_date === undefined ? null : parseW3cDate(q.start_date, 'start_date', ctx.timeZone, 'start', problems)
  const to = q.end_date === undefined ? null : parseW3cDate(q.end_date, 'end_date', ctx.timeZone, 'end', problems)
  const serviceCodes = q.service_code === undefined ? null : parseServiceCodes(q.service_code, ctx.serviceCodes, problems)
  const statuses = q.status === undefined ? null : parseStatuses(q.status, problems)
  if (problems.length) throw badRequest(problems)

  const span = MAX_SPAN_DAYS * DAY_MS
  const start = from ?? (to ? new Date(to.getTime() - span) : new Date(ctx.now.getTime() - span))
  const end = to ?? (from ? new Date(from.getTime() + span) : ctx.now)
  if (end < start) throw badRequest(`end_date (${q.end_date}) is before start_date (${q.start_date}).`)
  if (end.getTime() - start.getTime() > span) {
    const days = Math.ceil((end.getTime() - start.getTime()) / DAY_MS)
    throw badRequest(`start_date and end_date may span at most ${MAX_SPAN_DAYS} days; ${q.start_date} to ${q.end_date} spans ${days} days.`)
  }
  return { kind: 'search', from: start, to: end, serviceCodes, statuses, ...page }
}

function parseIds(raw: string): number[] {
  const parts = raw.split(',').map((s) => s.trim())
  const bad = parts.filter((s) => !/^[1-9][0-9]{0,14}$/.test(s))
  if (bad.length) {
    throw badRequest(`service_request_id must be a comma-separated list of request ids (positive integers); not valid: ${bad.map((b) => `"${b}"`).join(', ')}.`)
  }
  const ids = [...new Set(parts.map(Number))]
  if (ids.length > MAX_IDS) throw badRequest(`service_request_id may list at most ${MAX_IDS} ids; it lists ${ids.length}.`)
  return ids
}

function parseServiceCodes(raw: string, known: ReadonlySet<string>, problems: string[]): string[] | null {
  const codes = [...new Set(raw.split(',').map((s) => s.trim()))]
  const unknown = codes.filter((c) => !known.has(c))
  if (unknown.length) problems.push(`Unknown service_code: ${unknown.map((c) => `"${c}"`).join(', ')}. GET services lists the codes.`)
  return codes
}

function parseStatuses(raw: string, problems: string[]): Open311Status[] | null {
  const values = [...new Set(raw.split(',').map((s) => s.trim()))]
  const bad = values.filter((v) => v !== 'open' && v !== 'closed')
  if (bad.length) problems.push(`status must be open, closed or both comma-separated; not valid: ${bad.map((b) => `"${b}"`).join(', ')}.`)
  return values as Open311Status[]
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * A W3C date-time with its offset (`2010-01-01T00:00:00Z`, `2026-05-01T08:00+02:00`), or a
 * bare date read as a local day in the zone: its start for `start`, its last millisecond for
 * `end`. A space where the offset's `+` belongs (an unencoded `+` in a query string) is read as `+`.
 * Returns null and records a problem when the value is not one.
 */
export function parseW3cDate(raw: string, name: string, timeZone: string, bound: 'start' | 'end', problems: string[]): Date | null {
  const value = raw.trim().replace(/ (\d{2}:\d{2})$/, '+$1')
  const invalid = () => {
    problems.push(`${name} must be a W3C date-time with a time zone, e.g. 2010-01-01T00:00:00Z or 2026-05-01T00:00:00+02:00; got "${raw}".`)
    return null
  }
  const date = DATE.exec(value)
  if (date) {
    if (!isCalendarDate(+date[1]!, +date[2]!, +date[3]!)) return invalid()
    if (bound === 'start') return startOfLocalDay(value, timeZone)
    const next = new Date(Date.UTC(+date[1]!, +date[2]! - 1, +date[3]! + 1)).toISOString().slice(0, 10)
    return new Date(startOfLocalDay(next, timeZone).getTime() - 1)
  }
  const m = DATE_TIME.exec(value)
  if (!m) return invalid()
  const [hour, minute, second] = [+m[4]!, +m[5]!, +(m[6] ?? 0)]
  const offset = m[8]!
  if (!isCalendarDate(+m[1]!, +m[2]!, +m[3]!) || hour > 23 || minute > 59 || second > 59) return invalid()
  if (offset !== 'Z' && (+offset.slice(1, 3) > 14 || +offset.slice(4, 6) > 59)) return invalid()
  const parsed = new Date(value)
  return Number.isNaN(parsed.getTime()) ? invalid() : parsed
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}
