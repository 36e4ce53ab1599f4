/**
 * CSV for spreadsheets, safe against formula injection (OWASP "CSV Injection"): a text cell
 * starting with `=`, `+`, `-`, `@`, a tab or a carriage return — also after leading spaces —
 * is prefixed with `'` so that Excel, LibreOffice and Google Sheets show it as text instead
 * of running it. Numbers, booleans and dates are written as values and never prefixed, so a
 * negative number stays a number. Cells are quoted per RFC 4180 when needed.
 *
 * @example toCsv(['id', 'comment'], [[1, '=HYPERLINK("http://x")']]) // 'id,comment\r\n1,"\'=HYPERLINK(""http://x"")"\r\n'
 */
export type CsvValue = string | number | boolean | Date | null | undefined

const FORMULA_START = /^[\s\u00a0]*[=+\-@\t\r]/

/** A text value that a spreadsheet will show as text, never evaluate. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** One cell: formula-neutralised when text, quoted when it holds a comma, quote or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  const text = neutraliseFormula(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One line, ended by CRLF as RFC 4180 asks. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}

/** A whole document: the header row, then one row per record. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  let out = csvRow(header)
  for (const row of rows) out += csvRow(row)
  return out
}
