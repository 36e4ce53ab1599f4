/** Which days a place feels unsafe on: the optional "Vilka dagar?" answer of a pin. */
export const DAY_TYPES = ['weekday', 'weekend', 'both'] as const
export type DayType = (typeof DAY_TYPES)[number]

/** The kinds of traffic control police record. */
export const CONTROL_KINDS = ['speed_check', 'behaviour_monitoring'] as const
export type ControlKind = (typeof CONTROL_KINDS)[number]

/** Rows of an area's when-matrix: pins that named weekdays, weekends, or did not say. */
export const MATRIX_ROWS = ['weekday', 'weekend', 'unspecified'] as const
export type MatrixRow = (typeof MATRIX_ROWS)[number]

/** Defaults of the traffic area analysis (`GET /api/police/areas`). */
export const TRAFFIC_DEFAULTS = Object.freeze({
  eps: 75, // DBSCAN: metres within which traffic pins are neighbours (roads are long and thin)
  minPoints: 3, // DBSCAN: pins within eps, the pin itself included, that make a core pin
})

/** Most weeks before and after a control the effect chart may span. */
export const MAX_EFFECT_WEEKS = 52

/** Metres around a control with no linked area whose pins count for its effect. */
export const CONTROL_EFFECT_RADIUS = 150
