import { MAX_COMMENT_LENGTH, TIMES_OF_DAY } from '@trygg/domain/constants'
import type { DayType, NewPin, TimeOfDay } from '@trygg/domain'

/** The form's values while the resident fills it in. */
export interface PinDraft {
  category: string | null
  severity: number | null
  timesOfDay: readonly TimeOfDay[]
  comment: string
  /** The optional "Vilka dagar?" answer; absent or null when not given. */
  dayType?: DayType | null
}

export type PinField = 'category' | 'severity' | 'timesOfDay' | 'comment'

/** Client-side problems with a draft, by field; their texts live in the i18n messages. */
export type DraftProblem = 'categoryRequired' | 'severityRequired' | 'timesRequired' | 'commentTooLong'

export const EMPTY_DRAFT: PinDraft = Object.freeze({ category: null, severity: null, timesOfDay: [], comment: '' })

/** Fields in the order they appear in the form, for focusing the first one with an error. */
export const PIN_FIELDS: readonly PinField[] = ['category', 'severity', 'timesOfDay', 'comment']

/**
 * What keeps a draft from being sent; empty when it is complete.
 * @example validateDraft(EMPTY_DRAFT) // { category: 'categoryRequired', severity: 'severityRequired', timesOfDay: 'timesRequired' }
 */
export function validateDraft(draft: PinDraft): Partial<Record<PinField, DraftProblem>> {
  const problems: Partial<Record<PinField, DraftProblem>> = {}
  if (!draft.category) problems.category = 'categoryRequired'
  if (draft.severity === null || !Number.isInteger(draft.severity) || draft.severity < 1 || draft.severity > 5) {
    problems.severity = 'severityRequired'
  }
  if (draft.timesOfDay.length === 0) problems.timesOfDay = 'timesRequired'
  if (draft.comment.length > MAX_COMMENT_LENGTH) problems.comment = 'commentTooLong'
  return problems
}

/** Toggles one time of day, keeping the canonical order (morning, day, evening, night). */
export function toggleTimeOfDay(times: readonly TimeOfDay[], time: TimeOfDay, checked: boolean): TimeOfDay[] {
  return TIMES_OF_DAY.filter((t) => (t === time ? checked : times.includes(t)))
}

/** Coordinates are sent with 6 decimals (about 0.1 m), enough for a place on a map. */
function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

/**
 * The API body for a complete draft at `place` ([lat, lon]); a blank comment is left out.
 * Call only when `validateDraft` found no problems.
 */
export function toNewPin(draft: PinDraft, place: readonly [number, number]): NewPin {
  const comment = draft.comment.trim()
  return {
    lat: roundCoordinate(place[0]),
    lon: roundCoordinate(place[1]),
    category: draft.category ?? '',
    severity: draft.severity ?? 0,
    timesOfDay: [...draft.timesOfDay],
    ...(comment ? { comment } : {}),
    ...(draft.dayType ? { dayType: draft.dayType } : {}),
  }
}
