/** The q-quantile (0–1) of the values by the nearest-rank method. */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

export const p95 = (values: readonly number[]) => quantile(values, 0.95)
export const median = (values: readonly number[]) => quantile(values, 0.5)

/** Rounds to `digits` decimals for the report. */
export const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits

/** Prints rows as an aligned text table. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))]
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  console.log(`\n${title}`)
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of cells.slice(1)) console.log(line(r))
}

/** A target check for the table: value, target and whether it is met. */
export function target(name: string, value: number, op: '<=' | '>=', limit: number, unit = ''): (string | number)[] {
  const met = op === '<=' ? value <= limit : value >= limit
  return [name, `${round(value)}${unit}`, `${op} ${limit}${unit}`, met ? 'met' : 'MISSED']
}

/** Prints the result object as the last line of output. */
export function printResult(result: Record<string, unknown>): void {
  console.log(JSON.stringify(result))
}

/** Logs a progress line to stderr, so stdout keeps the table and the result. */
export function progress(message: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}
