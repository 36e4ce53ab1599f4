import { MAX_COMMENT_LENGTH, TIMES_OF_DAY, TIME_OF_DAY_LABELS, timesOfDayToMask, type ImportRejection, type ImportRow, type RejectedRow, type TimeOfDay } from '@trygg/domain'
import type { CategoryRow } from '../municipality/municipality.queries.ts'

/** A row whose cells make sense on their own; the database still checks the boundary and the date against now. */
export interface CheckedRow {
  row: number
  lon: number
  lat: number
  categoryId: number
  categoryKey: string
  /** The date as ISO 8601 text for PostgreSQL: with an offset it is an instant, without one local time. */
  date: string
  hasOffset: boolean
  hasTime: boolean
  severity: number
  /** Times-of-day mask, or null to take it from the hour of the date (or all four without a time). */
  mask: number | null
  comment: string | null
  externalId: string | null
}

const MESSAGES: Record<ImportRejection, { en: string; sv: string }> = {
  bad_coordinates: { en: 'Latitude and longitude must be decimal degrees (WGS84).', sv: 'Latitud och longitud måste vara decimala grader (WGS84).' },
  outside_boundary: { en: 'The point lies outside the municipality.', sv: 'Platsen ligger utanför kommunen.' },
  unknown_category: { en: 'The category is not one of the municipality’s.', sv: 'Kategorin finns inte i kommunen.' },
  bad_date: { en: 'The date must be YYYY-MM-DD or an ISO 8601 date and time.', sv: 'Datumet måste skrivas ÅÅÅÅ-MM-DD eller som datum och tid enligt ISO 8601.' },
  future_date: { en: 'The date lies in the future.', sv: 'Datumet ligger i framtiden.' },
  bad_severity: { en: 'Severity must be a whole number from 1 to 5.', sv: 'Allvarlighet måste vara ett heltal från 1 till 5.' },
  bad_times_of_day: { en: 'Times of day must be morning, day, evening or night.', sv: 'Tid på dygnet måste vara morgon, dag, kväll eller natt.' },
  comment_too_long: { en: `The comment is longer than ${MAX_COMMENT_LENGTH} characters.`, sv: `Kommentaren är längre än ${MAX_COMMENT_LENGTH} tecken.` },
}

/** A rejection of `row` for `reason`, with the report's texts. */
export function rejection(row: number, reason: ImportRejection, field: string, detail?: string): RejectedRow {
  const m = MESSAGES[reason]
  return { row, reason, field, message: detail ? `${m.en} (${detail})` : m.en, messageSv: detail ? `${m.sv} (${detail})` : m.sv }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/

const TIME_WORDS: Record<string, TimeOfDay> = Object.fromEntries(
  TIMES_OF_DAY.flatMap((t) => [[t, t], [TIME_OF_DAY_LABELS[t].sv.toLowerCase(), t]] as [string, TimeOfDay][]),
)

/** The municipality's categories by key, Swedish and English name, lower-cased. */
export function categoryLookup(categories: readonly CategoryRow[]): Map<string, CategoryRow> {
  const map = new Map<string, CategoryRow>()
  for (const c of categories) for (const name of [c.label_en, c.label_sv, c.key]) map.set(name.trim().toLowerCase(), c)
  return map
}

/**
 * Checks one mapped row on its own: coordinates, category, date, severity, times of day and
 * comment. Returns the row ready for the database, or every problem it has.
 */
export function checkImportRow(input: ImportRow, row: number, categories: ReadonlyMap<string, CategoryRow>): CheckedRow | RejectedRow[] {
  const problems: RejectedRow[] = []
  const lat = decimal(input.lat)
  const lon = decimal(input.lon)
  if (lat === null || lon === null || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
    problems.push(rejection(row, 'bad_coordinates', lat === null || lat < -90 || lat > 90 ? 'lat' : 'lon', `${input.lat ?? ''}, ${input.lon ?? ''}`))
  }
  const category = categories.get((input.category ?? '').trim().toLowerCase())
  if (!category) problems.push(rejection(row, 'unknown_category', 'category', input.category?.trim() || 'empty'))

  const date = (input.date ?? '').trim()
  const d = DATE.exec(date)
  if (!d || !realDate(d)) problems.push(rejection(row, 'bad_date', 'date', date || 'empty'))

  const severityText = (input.severity ?? '').trim()
  const severity = severityText === '' ? 3 : /^[1-5]$/.test(severityText) ? Number(severityText) : null
  if (severity === null) problems.push(rejection(row, 'bad_severity', 'severity', severityText))

  const timesText = (input.timesOfDay ?? '').trim().toLowerCase()
  let mask: number | null = null
  if (timesText) {
    const words = timesText.split(/[\s,;/|+]+/).filter(Boolean)
    const times = words.map((w) => TIME_WORDS[w])
    if (times.some((t) => t === undefined)) problems.push(rejection(row, 'bad_times_of_day', 'timesOfDay', timesText))
    else mask = timesOfDayToMask([...new Set(times as TimeOfDay[])])
  }

  const comment = input.comment?.trim() ? input.comment.trim() : null
  if (comment && comment.length > MAX_COMMENT_LENGTH) problems.push(rejection(row, 'comment_too_long', 'comment'))

  if (problems.length) return problems
  return {
    row,
    lon: lon!,
    lat: lat!,
    categoryId: category!.id,
    categoryKey: category!.key,
    date: date.replace(' ', 'T'),
    hasOffset: d![7] !== undefined,
    hasTime: d![4] !== undefined,
    severity: severity!,
    mask,
    comment,
    externalId: input.externalId?.trim() || null,
  }
}

/** A decimal number, with a point or a comma; null for anything else. */
function decimal(text: string | undefined): number | null {
  const t = (text ?? '').trim().replace(',', '.')
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : null
}

function realDate(d: RegExpExecArray): boolean {
  const [y, mo, day, h = '0', mi = '0', s = '0'] = [d[1], d[2], d[3], d[4], d[5], d[6]].map((v) => v ?? undefined)
  const offset = d[7]
  if (offset && d[4] === undefined) return false
  const t = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(day)))
  return Number(y) >= 1900 && t.getUTCFullYear() === Number(y) && t.getUTCMonth() === Number(mo) - 1 && t.getUTCDate() === Number(day) && Number(h) < 24 && Number(mi) < 60 && Number(s) < 60
}

/** Times-of-day mask of a local hour: morning 06–10, day 10–18, evening 18–22, night 22–06. */
export function maskOfHour(hour: number): number {
  const t: TimeOfDay = hour >= 6 && hour < 10 ? 'morning' : hour >= 10 && hour < 18 ? 'day' : hour >= 18 && hour < 22 ? 'evening' : 'night'
  return timesOfDayToMask([t])
}
