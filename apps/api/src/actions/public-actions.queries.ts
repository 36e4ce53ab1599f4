import { sql, type Kysely, type Transaction } from 'kysely'
import { PUBLIC_ACTION_STATUSES, type PublicActionItem } from '@trygg/domain'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database> | Transaction<Database>

interface PublicRow {
  id: number
  title: string
  focus_area_key: string
  label_sv: string
  label_en: string
  status: PublicActionItem['status']
  public_note: string | null
  starts_on: string | null
  due_on: string | null
  completed_at: Date | null
  updated_at: Date
  area: string | null
  pin_count: number
}

function publicQuery(db: Db, municipalityId: number) {
  return db
    .selectFrom('action_item as a')
    .innerJoin('action_focus_area as f', (j) => j.onRef('f.municipality_id', '=', 'a.municipality_id').onRef('f.key', '=', 'a.focus_area_key'))
    .select([
      'a.id', 'a.title', 'a.focus_area_key', 'f.label_sv', 'f.label_en', 'a.public_note', 'a.completed_at', 'a.updated_at',
      sql<PublicRow['status']>`a.status`.as('status'),
      sql<string | null>`to_char(a.starts_on, 'YYYY-MM-DD')`.as('starts_on'),
      sql<string | null>`to_char(a.due_on, 'YYYY-MM-DD')`.as('due_on'),
      sql<string | null>`ST_AsGeoJSON(a.area, 6)`.as('area'),
      sql<number>`(SELECT count(*) FROM action_item_pin p WHERE p.municipality_id = a.municipality_id AND p.action_item_id = a.id)::int`.as('pin_count'),
    ])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.is_public', '=', true)
    .where('a.status', 'in', PUBLIC_ACTION_STATUSES)
}

function toPublic(r: PublicRow): PublicActionItem {
  return {
    id: r.id,
    title: r.title,
    focusArea: { key: r.focus_area_key, labelSv: r.label_sv, labelEn: r.label_en },
    status: r.status,
    publicNote: r.public_note,
    startsOn: r.starts_on,
    dueOn: r.due_on,
    completedAt: r.completed_at?.toISOString() ?? null,
    updatedAt: r.updated_at.toISOString(),
    area: r.area === null ? null : JSON.parse(r.area),
    pinCount: Number(r.pin_count),
  }
}

/**
 * The public action items of a municipality (public flag set; planned, in progress or done),
 * most recently changed first. `limit` caps the list; `status` narrows it.
 */
export async function listPublicActionItems(
  db: Db,
  municipalityId: number,
  options: { status?: PublicActionItem['status']; limit?: number } = {},
): Promise<PublicActionItem[]> {
  let query = publicQuery(db, municipalityId).orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc')
  if (options.status) query = query.where('a.status', '=', options.status)
  if (options.limit) query = query.limit(options.limit)
  return (await query.execute()).map(toPublic)
}

/**
 * The public view of the action item a pin is linked to, for the pin's follow page: the most
 * recently changed public item (planned, in progress or done) linking the pin, or null.
 *
 * @example
 * const actionItem = await actionItemForPin(db, municipalityId, pinId) // PublicActionItem | null
 */
export async function actionItemForPin(db: Db, municipalityId: number, pinId: number): Promise<PublicActionItem | null> {
  const row = await publicQuery(db, municipalityId)
    .where('a.id', 'in', (eb) => eb.selectFrom('action_item_pin').select('action_item_id').where('municipality_id', '=', municipalityId).where('pin_id', '=', pinId))
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? toPublic(row) : null
}

/** What an Open311 service request shows of the public action item its pin is linked to. */
export interface PinActionNote {
  title: string
  publicNote: string | null
  organisationSv: string
  organisationEn: string
  partnerOrganisation: string | null
}

/**
 * For each of the pins, the most recently changed public action item linking it (planned, in
 * progress or done), with its responsible organisation; pins without one are absent.
 */
export async function actionNotesForPins(db: Db, municipalityId: number, pinIds: number[]): Promise<Map<number, PinActionNote>> {
  if (pinIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('action_item_pin as l')
    .innerJoin('action_item as a', (j) => j.onRef('a.municipality_id', '=', 'l.municipality_id').onRef('a.id', '=', 'l.action_item_id'))
    .innerJoin('action_organisation as o', (j) => j.onRef('o.municipality_id', '=', 'a.municipality_id').onRef('o.key', '=', 'a.organisation_key'))
    .select(['l.pin_id', 'a.title', 'a.public_note', 'a.partner_organisation', 'o.label_sv', 'o.label_en'])
    .where('l.municipality_id', '=', municipalityId)
    .where('l.pin_id', 'in', pinIds)
    .where('a.is_public', '=', true)
    .where('a.status', 'in', PUBLIC_ACTION_STATUSES)
    .orderBy('a.updated_at', 'asc')
    .orderBy('a.id', 'asc')
    .execute()
  // Ascending order: the last item written per pin is its most recently changed one.
  return new Map(
    rows.map((r) => [
      Number(r.pin_id),
      { title: r.title, publicNote: r.public_note, organisationSv: r.label_sv, organisationEn: r.label_en, partnerOrganisation: r.partner_organisation },
    ]),
  )
}
