import { toCsv, type ActionChoice, type ActionItem } from '@trygg/domain'

const HEADER = [
  'id', 'title', 'description', 'focus_area', 'expected_effect', 'organisation', 'partner_organisation', 'owner', 'starts_on', 'due_on',
  'indicator', 'follow_up_interval', 'status', 'status_reason', 'linked_pins', 'public', 'public_note', 'completed_at', 'updated_at',
]

/**
 * The action plan as CSV (RFC 4180, CRLF, a UTF-8 byte order mark so spreadsheet programs read
 * å, ä, ö): one row per item, focus areas and organisations by their Swedish labels. Every cell
 * is neutralised against formula injection by `csvCell`.
 */
export function actionPlanCsv(items: readonly ActionItem[], focusAreas: readonly ActionChoice[], organisations: readonly ActionChoice[]): string {
  const label = (choices: readonly ActionChoice[], key: string) => choices.find((c) => c.key === key)?.labelSv ?? key
  const rows = items.map((i) => [
    i.id, i.title, i.description, label(focusAreas, i.focusArea), i.expectedEffect, label(organisations, i.organisation), i.partnerOrganisation,
    i.owner, i.startsOn, i.dueOn, i.indicator, i.followUpInterval, i.status, i.statusReason, i.pinIds.join(' '), i.isPublic ? 'yes' : 'no',
    i.publicNote, i.completedAt, i.updatedAt,
  ])
  return '\uFEFF' + toCsv([HEADER, ...rows])
}
