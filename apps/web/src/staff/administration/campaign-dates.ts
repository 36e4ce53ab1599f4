import type { StaffCampaign } from '@trygg/domain'

/**
 * A campaign period is chosen as first and last day; the API stores instants. The first day
 * starts at local midnight, the last day ends at the following local midnight.
 *
 * @example dayStart('2026-09-01') // local 2026-09-01T00:00 as ISO
 * @example dayEnd('2026-09-30')   // local 2026-10-01T00:00 as ISO
 */
export function dayStart(day: string): string {
  return localMidnight(day, 0).toISOString()
}

export function dayEnd(day: string): string {
  return localMidnight(day, 1).toISOString()
}

/** The `<input type=date>` value of an instant's day; for an end, the last day it covers. */
export function dayOf(instant: string, as: 'start' | 'end' = 'start'): string {
  const d = new Date(Date.parse(instant) - (as === 'end' ? 1 : 0))
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export type CampaignState = 'active' | 'upcoming' | 'ended'

export function campaignState(c: Pick<StaffCampaign, 'startsAt' | 'endsAt'>, now: number): CampaignState {
  if (Date.parse(c.startsAt) > now) return 'upcoming'
  return c.endsAt !== null && Date.parse(c.endsAt) <= now ? 'ended' : 'active'
}

function localMidnight(day: string, addDays: number): Date {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y!, m! - 1, d! + addDays)
}

const pad = (n: number) => String(n).padStart(2, '0')
