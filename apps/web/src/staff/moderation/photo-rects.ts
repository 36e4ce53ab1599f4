import type { PixelRect } from '@trygg/domain'

export interface Point {
  x: number
  y: number
}

/**
 * The rectangle spanned by a drag from `a` to `b` (either corner first), in whole pixels and
 * clipped to a `width` × `height` image; null when it is less than `min` pixels on a side.
 *
 * @example dragRect({ x: 50, y: 40 }, { x: 10, y: 5 }, 300, 200) // { x: 10, y: 5, width: 40, height: 35 }
 */
export function dragRect(a: Point, b: Point, width: number, height: number, min = 4): PixelRect | null {
  const x0 = clamp(Math.round(Math.min(a.x, b.x)), 0, width)
  const y0 = clamp(Math.round(Math.min(a.y, b.y)), 0, height)
  const x1 = clamp(Math.round(Math.max(a.x, b.x)), 0, width)
  const y1 = clamp(Math.round(Math.max(a.y, b.y)), 0, height)
  return x1 - x0 < min || y1 - y0 < min ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
}

/** A rectangle moved and shrunk as little as needed to lie within the image, at least 1 pixel a side. */
export function fitRect(r: PixelRect, width: number, height: number): PixelRect {
  const w = clamp(Math.round(r.width) || 1, 1, width)
  const h = clamp(Math.round(r.height) || 1, 1, height)
  return { x: clamp(Math.round(r.x) || 0, 0, width - w), y: clamp(Math.round(r.y) || 0, 0, height - h), width: w, height: h }
}

/** The blur strength the server uses for a rectangle (see apps/api/src/photos/redact-photo.ts), for the preview. */
export function previewSigma(r: PixelRect): number {
  return Math.min(200, Math.max(8, Math.max(r.width, r.height) * 0.25))
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))
