/**
 * The absolute private follow link for a pin's token.
 * @example followUrl('q3Yb0c7x', 'https://trygg.example.se') // 'https://trygg.example.se/f/q3Yb0c7x'
 */
export function followUrl(token: string, origin: string = window.location.origin): string {
  return `${origin}/f/${encodeURIComponent(token)}`
}
