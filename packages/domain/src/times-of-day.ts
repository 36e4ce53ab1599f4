export const TIMES_OF_DAY = ['morning', 'day', 'evening', 'night'] as const
export type TimeOfDay = (typeof TIMES_OF_DAY)[number]

export const TIME_OF_DAY_LABELS: Readonly<Record<TimeOfDay, { sv: string; en: string }>> = Object.freeze({
  morning: { sv: 'Morgon', en: 'Morning' },
  day: { sv: 'Dag', en: 'Day' },
  evening: { sv: 'Kväll', en: 'Evening' },
  night: { sv: 'Natt', en: 'Night' },
})

/**
 * Packs times of day into a 4-bit mask (morning = 1, day = 2, evening = 4, night = 8),
 * the form the database stores.
 * @example timesOfDayToMask(['evening', 'night']) // 12
 */
export function timesOfDayToMask(times: readonly TimeOfDay[]): number {
  return times.reduce((mask, t) => mask | (1 << TIMES_OF_DAY.indexOf(t)), 0)
}

/** Inverse of `timesOfDayToMask`, in the canonical order. */
export function maskToTimesOfDay(mask: number): TimeOfDay[] {
  return TIMES_OF_DAY.filter((_, i) => (mask & (1 << i)) !== 0)
}
