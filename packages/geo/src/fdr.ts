/**
 * Benjamini–Hochberg adjusted p-values ("q-values"), in the order given: for the p-value of
 * rank k among m (ascending), q = min over ranks r ≥ k of p₍ᵣ₎ · m / r, capped at 1.
 * A hypothesis is rejected at false-discovery rate α exactly when its q ≤ α.
 * @example benjaminiHochberg([0.01, 0.04, 0.03, 0.2]) // [0.04, 0.0533…, 0.0533…, 0.2]
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p || a.index - b.index)
  const adjusted = new Array<number>(m)
  let running = 1
  for (let rank = m; rank >= 1; rank--) {
    const { p, index } = order[rank - 1]!
    running = Math.min(running, (p * m) / rank)
    adjusted[index] = running
  }
  return adjusted
}
