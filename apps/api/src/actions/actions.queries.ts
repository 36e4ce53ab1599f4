import { sql, type Kysely, type Transaction } from 'kysely'
import { PIN_STATUS_OF_ACTION, type ActionChoice, type ActionItem, type ActionStatus } from '@trygg/domain'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/** The municipality's focus areas and kinds of responsible organisation, in their order. */
export async function listChoices(db: Db, municipalityId: number, table: 'action_focus_area' | 'action_organisation'): Promise<ActionChoice[]> {
  const rows = await db.selectFrom(table).selectAll().where('municipality_id', '=', municipalityId).orderBy('sort_order').orderBy('key').execute()
  return rows.map((r) => ({ key: r.key, labelSv: r.label_sv, labelEn: r.label_en, active: r.active }))
}

/** The organisations of the municipality's partner accounts, sorted. */
export async function listPartnerOrganisations(db: Db, municipalityId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('staff_account')
    .select('organisation')
    .distinct()
    .where('municipality_id', '=', municipalityId)
    .where('role', '=', 'partner')
    .where('organisation', 'is not', null)
    .orderBy('organisation')
    .execute()
  return rows.map((r) => r.organisation!)
}

export interface ActionFilter {
  statuses?: readonly ActionStatus[] | undefined
  focusArea?: string | undefined
  organisation?: string | undefined
  /** A partner's organisation: only its items. */
  partnerOrganisation?: string | undefined
  ids?: readonly number[] | undefined
}

/** The action items of a municipality, by due date then id, with their linked pins. */
export async function listActionItems(db: Db, municipalityId: number, f: ActionFilter = {}): Promise<ActionItem[]> {
  let query = db
    .selectFrom('action_item as a')
    .select([
      'a.id', 'a.title', 'a.description', 'a.focus_area_key', 'a.expected_effect', 'a.organisation_key', 'a.partner_organisation',
      'a.owner', 'a.indicator', 'a.follow_up_interval', 'a.status', 'a.status_reason', 'a.area_source', 'a.hotspot_ref',
      'a.is_public', 'a.public_note', 'a.completed_at', 'a.created_at', 'a.updated_at',
      sql<string | null>`to_char(a.starts_on, 'YYYY-MM-DD')`.as('starts_on'),
      sql<string | null>`to_char(a.due_on, 'YYYY-MM-DD')`.as('due_on'),
      sql<string | null>`ST_AsGeoJSON(a.area, 7)`.as('area'),
      sql<number[] | string | null>`(SELECT coalesce(json_agg(p.pin_id ORDER BY p.pin_id), '[]'::json) FROM action_item_pin p
                                     WHERE p.municipality_id = a.municipality_id AND p.action_item_id = a.id)`.as('pin_ids'),
    ])
    .where('a.municipality_id', '=', municipalityId)
    .orderBy(sql`a.due_on NULLS LAST`)
    .orderBy('a.id')
  if (f.statuses?.length) query = query.where('a.status', 'in', f.statuses)
  if (f.focusArea) query = query.where('a.focus_area_key', '=', f.focusArea)
  if (f.organisation) query = query.where('a.organisation_key', '=', f.organisation)
  if (f.partnerOrganisation !== undefined) query = query.where('a.partner_organisation', '=', f.partnerOrganisation)
  if (f.ids) query = f.ids.length ? query.where('a.id', 'in', f.ids) : query.where(sql<boolean>`false`)
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    focusArea: r.focus_area_key,
    expectedEffect: r.expected_effect,
    organisation: r.organisation_key,
    partnerOrganisation: r.partner_organisation,
    owner: r.owner,
    startsOn: r.starts_on,
    dueOn: r.due_on,
    indicator: r.indicator,
    followUpInterval: r.follow_up_interval,
    status: r.status,
    statusReason: r.status_reason,
    area: r.area === null ? null : JSON.parse(r.area),
    areaSource: r.area_source,
    hotspotRef: r.hotspot_ref,
    pinIds: (typeof r.pin_ids === 'string' ? JSON.parse(r.pin_ids) : (r.pin_ids ?? [])).map(Number),
    isPublic: r.is_public,
    publicNote: r.public_note,
    completedAt: r.completed_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }))
}

/** One action item, or undefined when the municipality (or the partner) has no such item. */
export async function findActionItem(db: Db, municipalityId: number, id: number, partnerOrganisation?: string): Promise<ActionItem | undefined> {
  const [item] = await listActionItems(db, municipalityId, { ids: [id], partnerOrganisation })
  return item
}

/** The ids among `pinIds` that are not pins of the municipality. */
export async function unknownPins(db: Db, municipalityId: number, pinIds: readonly number[]): Promise<number[]> {
  if (pinIds.length === 0) return []
  const rows = await db.selectFrom('pin').select('id').where('municipality_id', '=', municipalityId).where('id', 'in', pinIds).execute()
  const known = new Set(rows.map((r) => r.id))
  return pinIds.filter((id) => !known.has(id))
}

/** Whether the GeoJSON area is a valid polygon; false when PostGIS cannot read it. */
export async function areaIsValid(db: Db, area: object): Promise<boolean> {
  try {
    const { rows } = await sql<{ ok: boolean }>`SELECT ST_IsValid(ST_GeomFromGeoJSON(${JSON.stringify(area)})) AS ok`.execute(db)
    return rows[0]?.ok === true
  } catch {
    return false
  }
}

/** An area as the stored MultiPolygon expression. */
export const areaSql = (area: object | null) => (area === null ? sql<string>`NULL` : sql<string>`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(area)}), 4326))`)

/** Replaces the pins linked to an item. */
export async function setLinkedPins(trx: Transaction<Database>, municipalityId: number, itemId: number, pinIds: readonly number[]) {
  await trx.deleteFrom('action_item_pin').where('municipality_id', '=', municipalityId).where('action_item_id', '=', itemId).execute()
  if (pinIds.length) {
    await trx
      .insertInto('action_item_pin')
      .values(pinIds.map((pinId) => ({ municipality_id: municipalityId, action_item_id: itemId, pin_id: pinId })))
      .execute()
  }
}

/**
 * Carries an item's status to its linked pins (all of them, or only `pinIds`): each pin whose
 * status differs takes the status `PIN_STATUS_OF_ACTION` names and gets a `pin_status_event`
 * naming the item, so its follow page shows the change. Returns the pins changed.
 */
export async function propagateStatus(
  trx: Transaction<Database>,
  p: { municipalityId: number; itemId: number; status: ActionStatus; reason: string | null; at: Date; pinIds?: readonly number[] },
): Promise<number[]> {
  const pinStatus = PIN_STATUS_OF_ACTION[p.status]
  let query = trx
    .updateTable('pin')
    .set({ status: pinStatus, updated_at: p.at })
    .where('municipality_id', '=', p.municipalityId)
    .where('status', '<>', pinStatus)
    .where('id', 'in', (eb) =>
      eb.selectFrom('action_item_pin').select('pin_id').where('municipality_id', '=', p.municipalityId).where('action_item_id', '=', p.itemId),
    )
  if (p.pinIds) {
    if (p.pinIds.length === 0) return []
    query = query.where('id', 'in', p.pinIds)
  }
  const changed = (await query.returning('id').execute()).map((r) => r.id)
  if (changed.length) {
    await trx
      .insertInto('pin_status_event')
      .values(
        changed.map((pinId) => ({
          municipality_id: p.municipalityId,
          pin_id: pinId,
          status: pinStatus,
          reason: pinStatus === 'not_done' ? p.reason : null,
          action_item_id: p.itemId,
          created_at: p.at,
        })),
      )
      .execute()
  }
  return changed
}
