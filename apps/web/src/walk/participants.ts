/**
 * The group size as typed: a whole number 1–500, or null.
 * @example parseParticipants(' 12 ') // 12
 * @example parseParticipants('2.5') // null
 */
export function parseParticipants(text: string): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(text)) return null
  const n = Number(text)
  return n >= 1 && n <= 500 ? n : null
}
