import { siteBase } from '../api/site-base.ts'

/**
 * The absolute private follow link for a pin's token, on the site of the pin's municipality.
 * @example followUrl('q3Yb0c7x', 'https://trygg.example.se', '/k/lund') // 'https://trygg.example.se/k/lund/f/q3Yb0c7x'
 */
export function followUrl(token: string, origin: string = window.location.origin, base: string = siteBase()): string {
  return `${origin}${base}/f/${encodeURIComponent(token)}`
}
