/** Date arithmetic in an IANA time zone, for the W3C date-times Open311 reads and writes. */

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
    formatters.set(timeZone, f)
  }
  return f
}

function parts(date: Date, timeZone: string) {
  const out: Record<string, string> = {}
  for (const p of formatter(timeZone).formatToParts(date)) out[p.type] = p.value
  // longOffset is "GMT" at offset zero, else "GMT+02:00".
  const offset = out.timeZoneName === 'GMT' ? '+00:00' : out.timeZoneName!.slice(3)
  return { date: `${out.year}-${out.month}-${out.day}`, time: `${out.hour}:${out.minute}:${out.second}`, offset }
}

/**
 * The instant as a W3C date-time in the zone, with the zone's offset then; whole seconds.
 * @example formatInZone(new Date('2026-05-14T19:40:12Z'), 'Europe/Stockholm') // '2026-05-14T21:40:12+02:00'
 */
export function formatInZone(date: Date, timeZone: string): string {
  const p = parts(date, timeZone)
  return `${p.date}T${p.time}${p.offset}`
}

/** Offset of the zone at the instant, in milliseconds east of UTC. */
export function offsetAt(date: Date, timeZone: string): number {
  const { offset } = parts(date, timeZone)
  const sign = offset.startsWith('-') ? -1 : 1
  const [h, m] = offset.slice(1).split(':').map(Number) as [number, number]
  return sign * (h * 60 + m) * 60_000
}

/**
 * The instant a local calendar day `YYYY-MM-DD` starts in the zone (its first existing minute
 * when a clock change skips midnight).
 * @example startOfLocalDay('2026-05-01', 'Europe/Stockholm') // 2026-04-30T22:00:00Z
 */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const utcMidnight = Date.UTC(y, m - 1, d)
  // Local midnight is utcMidnight minus the offset in force then, which is one of the offsets
  // around that day; the earliest candidate that falls on the day is its start.
  const offsets = new Set([-1, 0, 1].map((days) => offsetAt(new Date(utcMidnight + days * 86_400_000), timeZone)))
  const candidates = [...offsets].map((o) => utcMidnight - o).sort((a, b) => a - b)
  const start = candidates.find((c) => parts(new Date(c), timeZone).date === day) ?? candidates[0]!
  return new Date(start)
}
