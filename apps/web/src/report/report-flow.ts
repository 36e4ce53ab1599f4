import type { PinCreated } from '@trygg/domain'

/** A place as [lat, lon]. */
export type Place = readonly [number, number]

/**
 * Where the resident is in marking a place:
 * closed → place (pick on the map) → details (the form) → done (follow link).
 */
export type ReportFlow =
  | { step: 'closed' }
  | { step: 'place'; outside?: { seq: number } }
  | { step: 'details'; place: Place }
  | { step: 'done'; place: Place; created: PinCreated }

export const CLOSED: ReportFlow = { step: 'closed' }
export const PICKING: ReportFlow = { step: 'place' }

/** The chosen place of a flow, if it has one. */
export function placeOf(flow: ReportFlow): Place | undefined {
  return flow.step === 'details' || flow.step === 'done' ? flow.place : undefined
}
