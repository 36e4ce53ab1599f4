import type { Kysely } from 'kysely'
import type { ActionChoiceInput, ActionOptionsChange } from '@trygg/domain'
import { recordAudit } from '../audit/audit.queries.ts'
import type { StaffPrincipal } from '../auth/auth-plugin.ts'
import type { Database } from '../db/schema.ts'
import { AppError } from '../errors/app-error.ts'
import { listChoices } from './actions.queries.ts'

const TABLES = { focusAreas: 'action_focus_area', organisations: 'action_organisation' } as const

/**
 * Sets a municipality's focus areas and/or organisation kinds: the listed choices in their
 * order (new keys added, labels updated); a key left out becomes inactive rather than deleted,
 * since items may use it. Recorded in the audit log.
 */
export async function changeActionOptions(db: Kysely<Database>, p: { municipalityId: number; change: ActionOptionsChange; actor: StaffPrincipal; at: Date }) {
  for (const [field, list] of Object.entries(p.change) as [keyof typeof TABLES, ActionChoiceInput[] | undefined][]) {
    if (!list) continue
    const keys = list.map((c) => c.key)
    if (new Set(keys).size !== keys.length) {
      throw new AppError(400, 'VALIDATION_FAILED', `${field} lists a key twice.`, 'Samma nyckel finns två gånger.', [{ field, message: 'has a key twice' }])
    }
    if (!list.some((c) => c.active)) {
      throw new AppError(400, 'VALIDATION_FAILED', `${field} needs at least one active choice.`, 'Minst ett val måste vara aktivt.', [{ field, message: 'has no active choice' }])
    }
  }
  await db.transaction().execute(async (trx) => {
    for (const [field, list] of Object.entries(p.change) as [keyof typeof TABLES, ActionChoiceInput[] | undefined][]) {
      if (!list) continue
      const table = TABLES[field]
      const before = await listChoices(trx, p.municipalityId, table)
      // Left-out choices: inactive, after the listed ones.
      await trx
        .updateTable(table)
        .set((eb) => ({ active: false, sort_order: eb('sort_order', '+', list.length + 1000) }))
        .where('municipality_id', '=', p.municipalityId)
        .execute()
      await trx
        .insertInto(table)
        .values(list.map((c, i) => ({ municipality_id: p.municipalityId, key: c.key, label_sv: c.labelSv, label_en: c.labelEn, active: c.active, sort_order: i })))
        .onConflict((oc) =>
          oc.columns(['municipality_id', 'key']).doUpdateSet((eb) => ({
            label_sv: eb.ref('excluded.label_sv'),
            label_en: eb.ref('excluded.label_en'),
            active: eb.ref('excluded.active'),
            sort_order: eb.ref('excluded.sort_order'),
          })),
        )
        .execute()
      const after = await listChoices(trx, p.municipalityId, table)
      await recordAudit(trx, { municipalityId: p.municipalityId, at: p.at, actor: p.actor, action: 'action_options.update', entityType: table, entityId: p.municipalityId, before, after })
    }
  })
}
