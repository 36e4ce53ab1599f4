import type { Kysely } from 'kysely'
import type { ActionItem, ActionItemPatch, NewActionItem } from '@trygg/domain'
import { recordAudit } from '../audit/audit.queries.ts'
import type { StaffPrincipal } from '../auth/auth-plugin.ts'
import type { Database } from '../db/schema.ts'
import { AppError, notFound, type FieldError } from '../errors/app-error.ts'
import { areaIsValid, areaSql, findActionItem, listChoices, propagateStatus, setLinkedPins, unknownPins } from './actions.queries.ts'

/** The fields a partner may change on its organisation's items. */
export const PARTNER_FIELDS: readonly (keyof ActionItemPatch)[] = ['status', 'statusReason', 'owner']

type Fields = ActionItemPatch

const invalid = (fields: FieldError[]) =>
  new AppError(400, 'VALIDATION_FAILED', `Invalid action item: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}.`, 'Åtgärden har ogiltiga fält.', fields)

/** Checks what the schema cannot: keys of this municipality, pins, area, dates and the not-done reason. */
async function check(db: Kysely<Database>, municipalityId: number, merged: Fields, changed: Fields) {
  const fields: FieldError[] = []
  if (changed.focusArea !== undefined) {
    const keys = (await listChoices(db, municipalityId, 'action_focus_area')).filter((c) => c.active).map((c) => c.key)
    if (!keys.includes(changed.focusArea)) fields.push({ field: 'focusArea', message: `is not one of ${keys.join(', ')}` })
  }
  if (changed.organisation !== undefined) {
    const keys = (await listChoices(db, municipalityId, 'action_organisation')).filter((c) => c.active).map((c) => c.key)
    if (!keys.includes(changed.organisation)) fields.push({ field: 'organisation', message: `is not one of ${keys.join(', ')}` })
  }
  if (changed.pinIds?.length) {
    const unknown = await unknownPins(db, municipalityId, changed.pinIds)
    if (unknown.length) fields.push({ field: 'pinIds', message: `has pins that do not exist: ${unknown.slice(0, 10).join(', ')}` })
  }
  if (changed.area && !(await areaIsValid(db, changed.area))) fields.push({ field: 'area', message: 'is not a valid polygon' })
  if ((merged.area ?? null) === null !== ((merged.areaSource ?? null) === null)) {
    fields.push({ field: 'areaSource', message: 'must be given exactly when there is an area' })
  }
  if (merged.startsOn && merged.dueOn && merged.dueOn < merged.startsOn) fields.push({ field: 'dueOn', message: 'is before startsOn' })
  if (merged.status === 'not_done' && !merged.statusReason) fields.push({ field: 'statusReason', message: 'is required when the status is not_done' })
  if (fields.length) throw invalid(fields)
}

/** The row values of the given fields (only those present). */
function columns(f: Fields) {
  return {
    ...(f.title !== undefined && { title: f.title }),
    ...(f.description !== undefined && { description: f.description }),
    ...(f.focusArea !== undefined && { focus_area_key: f.focusArea }),
    ...(f.expectedEffect !== undefined && { expected_effect: f.expectedEffect }),
    ...(f.organisation !== undefined && { organisation_key: f.organisation }),
    ...(f.partnerOrganisation !== undefined && { partner_organisation: f.partnerOrganisation }),
    ...(f.owner !== undefined && { owner: f.owner }),
    ...(f.startsOn !== undefined && { starts_on: f.startsOn }),
    ...(f.dueOn !== undefined && { due_on: f.dueOn }),
    ...(f.indicator !== undefined && { indicator: f.indicator }),
    ...(f.followUpInterval !== undefined && { follow_up_interval: f.followUpInterval }),
    ...(f.status !== undefined && { status: f.status }),
    ...(f.statusReason !== undefined && { status_reason: f.statusReason }),
    ...(f.area !== undefined && { area: areaSql(f.area) }),
    ...(f.areaSource !== undefined && { area_source: f.areaSource }),
    ...(f.hotspotRef !== undefined && { hotspot_ref: f.hotspotRef }),
    ...(f.isPublic !== undefined && { is_public: f.isPublic }),
    ...(f.publicNote !== undefined && { public_note: f.publicNote }),
  }
}

/** What the audit log keeps of an item: everything but the (large) area, whose presence is noted. */
const auditView = (item: ActionItem) => ({ ...item, area: item.area ? 'set' : null })

/**
 * Creates an action item with its linked pins, carries its status to those pins and records
 * it in the audit log, all in one transaction. Returns the item.
 */
export async function createActionItem(
  db: Kysely<Database>,
  p: { municipalityId: number; input: NewActionItem; actor: StaffPrincipal; at: Date },
): Promise<ActionItem> {
  const status = p.input.status ?? 'proposed'
  const input = { ...p.input, status }
  await check(db, p.municipalityId, input, input)
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('action_item')
      .values({
        municipality_id: p.municipalityId,
        title: input.title,
        focus_area_key: input.focusArea,
        organisation_key: input.organisation,
        ...columns(input),
        completed_at: status === 'done' ? p.at : null,
        created_at: p.at,
        updated_at: p.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await setLinkedPins(trx, p.municipalityId, row.id, input.pinIds ?? [])
    await propagateStatus(trx, { municipalityId: p.municipalityId, itemId: row.id, status, reason: input.statusReason ?? null, at: p.at })
    const created = (await findActionItem(trx as unknown as Kysely<Database>, p.municipalityId, row.id))!
    await recordAudit(trx, { municipalityId: p.municipalityId, at: p.at, actor: p.actor, action: 'action_item.create', entityType: 'action_item', entityId: row.id, after: auditView(created) })
    return row.id
  })
  return (await findActionItem(db, p.municipalityId, id))!
}

/**
 * Changes an action item. A partner reaches only its organisation's items (others answer 404)
 * and may change only `PARTNER_FIELDS`. A new status reaches every linked pin; newly linked
 * pins take the item's status. The change and the item before and after go to the audit log.
 */
export async function updateActionItem(
  db: Kysely<Database>,
  p: { municipalityId: number; id: number; patch: ActionItemPatch; actor: StaffPrincipal; at: Date },
): Promise<ActionItem> {
  const partner = p.actor.role === 'partner' ? (p.actor.organisation ?? '') : undefined
  const before = await findActionItem(db, p.municipalityId, p.id, partner)
  if (!before) throw notFound('The action item', 'Åtgärden')
  if (partner !== undefined) {
    const refused = Object.keys(p.patch).filter((k) => !PARTNER_FIELDS.includes(k as keyof ActionItemPatch))
    if (refused.length) {
      throw new AppError(403, 'FORBIDDEN', `Partners may change only ${PARTNER_FIELDS.join(', ')}.`, 'Partner får bara ändra status, orsak och ansvarig.', refused.map((field) => ({ field, message: 'may not be changed by a partner' })))
    }
  }
  const patch: ActionItemPatch = { ...p.patch }
  // A reason belongs to "not done"; it is cleared when the item moves on unless one is given.
  if (patch.status !== undefined && patch.status !== 'not_done' && patch.statusReason === undefined) patch.statusReason = null
  const merged = { ...before, ...patch } as Fields
  await check(db, p.municipalityId, merged, patch)
  const statusChanged = patch.status !== undefined && patch.status !== before.status
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('action_item')
      .set({
        ...columns(patch),
        ...(statusChanged && { completed_at: patch.status === 'done' ? p.at : null }),
        updated_at: p.at,
      })
      .where('municipality_id', '=', p.municipalityId)
      .where('id', '=', p.id)
      .execute()
    const status = merged.status ?? before.status
    const reason = merged.statusReason ?? null
    if (patch.pinIds) {
      await setLinkedPins(trx, p.municipalityId, p.id, patch.pinIds)
      const added = patch.pinIds.filter((id) => !before.pinIds.includes(id))
      if (!statusChanged) await propagateStatus(trx, { municipalityId: p.municipalityId, itemId: p.id, status, reason, at: p.at, pinIds: added })
    }
    if (statusChanged) await propagateStatus(trx, { municipalityId: p.municipalityId, itemId: p.id, status, reason, at: p.at })
    const after = (await findActionItem(trx as unknown as Kysely<Database>, p.municipalityId, p.id))!
    await recordAudit(trx, {
      municipalityId: p.municipalityId,
      at: p.at,
      actor: p.actor,
      action: statusChanged ? 'action_item.status' : 'action_item.update',
      entityType: 'action_item',
      entityId: p.id,
      before: auditView(before),
      after: auditView(after),
      reason: statusChanged ? reason : null,
    })
  })
  return (await findActionItem(db, p.municipalityId, p.id))!
}
