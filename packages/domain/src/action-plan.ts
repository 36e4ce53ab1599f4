/**
 * The plain values of the action plan: statuses, follow-up intervals and how an action item's
 * status reaches its linked pins. No schemas here, so the web app can import it cheaply.
 */
export const ACTION_STATUSES = ['proposed', 'planned', 'in_progress', 'done', 'not_done'] as const
export type ActionStatusValue = (typeof ACTION_STATUSES)[number]

/** The statuses residents see at /resultat (public items only). */
export const PUBLIC_ACTION_STATUSES = ['planned', 'in_progress', 'done'] as const satisfies readonly ActionStatusValue[]

export const FOLLOW_UP_INTERVALS = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const
export type FollowUpIntervalValue = (typeof FOLLOW_UP_INTERVALS)[number]

/**
 * The status a linked pin takes when its action item has this status: a proposal means the
 * pin was reviewed, planned and ongoing work is "action planned", then done or not done.
 */
export const PIN_STATUS_OF_ACTION = {
  proposed: 'reviewed',
  planned: 'action_planned',
  in_progress: 'action_planned',
  done: 'done',
  not_done: 'not_done',
} as const satisfies Record<ActionStatusValue, 'reviewed' | 'action_planned' | 'done' | 'not_done'>

/** Longest action item title, characters. */
export const MAX_ACTION_TITLE_LENGTH = 200
/** Most pins one action item links. */
export const MAX_ACTION_PINS = 2000

/**
 * A CSV cell that spreadsheet programs will not run as a formula: text starting with =, +, -,
 * @, tab or carriage return gets a leading apostrophe (OWASP "CSV injection"), then the cell is
 * quoted when it holds a comma, quote or line break.
 *
 * @example csvCell('=HYPERLINK("x")') // "'=HYPERLINK(""x"")"  (quoted)
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows of cells as CSV text with CRLF line ends (RFC 4180). */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
