import { HOTSPOT_BIN_COLORS } from '@trygg/domain/constants'

/** Five steps from light yellow to dark red for hotspot scores (ColorBrewer YlOrRd). */
export const SCORE_COLORS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const

/**
 * The colour of a score relative to the highest score shown: five equal steps of
 * `score / max`, the highest always in the darkest.
 * @example scoreColor(10, 10) // '#bd0026'
 */
export function scoreColor(score: number, max: number): string {
  if (!(max > 0)) return SCORE_COLORS[0]
  const step = Math.min(SCORE_COLORS.length - 1, Math.floor((score / max) * SCORE_COLORS.length))
  return SCORE_COLORS[Math.max(0, step)]!
}

/** Upper bounds of the score steps for a legend, e.g. `[20, 40, 60, 80, 100]` for max 100. */
export function scoreSteps(max: number): number[] {
  return SCORE_COLORS.map((_, k) => Math.round((max * (k + 1) * 10) / SCORE_COLORS.length) / 10)
}

/** The fill colour of a Gi* confidence bin −3…3. */
export function binColor(bin: number): string {
  return HOTSPOT_BIN_COLORS[String(bin) as keyof typeof HOTSPOT_BIN_COLORS] ?? HOTSPOT_BIN_COLORS['0']
}

/** Bins in legend order, hottest first. */
export const LEGEND_BINS = [3, 2, 1, 0, -1, -2, -3] as const
