import { GROUP_COLORS } from '@trygg/domain/constants'

/** Colour of markers whose categories are unknown. */
export const FALLBACK_COLOR = GROUP_COLORS.other

/**
 * The key with the highest count, ties going to the first; `undefined` when empty.
 * @example dominantCategory({ littering: 2, speeding: 5 }) // 'speeding'
 */
export function dominantCategory(counts: Readonly<Record<string, number>>): string | undefined {
  let best: string | undefined
  let bestCount = -Infinity
  for (const [key, count] of Object.entries(counts)) {
    if (count > bestCount) {
      best = key
      bestCount = count
    }
  }
  return best
}

function channel(hex: string, index: number): number {
  const value = parseInt(hex.slice(index, index + 2), 16) / 255
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
}

/**
 * Black or white, whichever reads better on the background `#rrggbb` (WCAG relative luminance).
 * @example readableTextColor('#c62828') // '#ffffff'
 */
export function readableTextColor(background: string): '#000000' | '#ffffff' {
  const hex = /^#[0-9a-f]{6}$/i.test(background) ? background.slice(1) : '1565c0'
  const luminance = 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 2) + 0.0722 * channel(hex, 4)
  // contrast with white is (1.05)/(L+0.05); with black (L+0.05)/0.05; equal at L ≈ 0.179
  return luminance > 0.179 ? '#000000' : '#ffffff'
}
