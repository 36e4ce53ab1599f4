import { sql, type Kysely } from 'kysely'
import type { AdminCategory, CampaignChange, CategoryChange, NewCampaign, NewCategory, StaffCampaign } from '@trygg/domain'
import type { Database } from '../db/schema.ts'
import { AppError, notFound } from '../errors/app-error.ts'

/** The municipality's campaigns, newest first, with their pin counts. */
export async function listCampaigns(db: Kysely<Database>, municipalityId: number, id?: number): Promise<StaffCampaign[]> {
  let q = db
    .selectFrom('campaign as c')
    .select(['c.id', 'c.kind', 'c.name', 'c.starts_at', 'c.ends_at'])
    .select((eb) =>
      eb
        .selectFrom('pin as p')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('p.municipality_id', '=', 'c.municipality_id')
        .whereRef('p.campaign_id', '=', 'c.id')
        .as('pin_count'),
    )
    .where('c.municipality_id', '=', municipalityId)
    .orderBy('c.starts_at', 'desc')
    .orderBy('c.id', 'desc')
  if (id !== undefined) q = q.where('c.id', '=', id)
  return (await q.execute()).map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at?.toISOString() ?? null,
    pinCount: Number(r.pin_count ?? 0),
  }))
}

/** Refuses a period that ends before it starts, and an open end for anything but a continuous campaign. */
function checkPeriod(kind: string, startsAt: Date, endsAt: Date | null) {
  if (endsAt !== null && endsAt <= startsAt) {
    throw new AppError(400, 'VALIDATION_FAILED', 'endsAt must be after startsAt.', 'Slutet måste komma efter starten.', [{ field: 'endsAt', message: 'must be after startsAt' }])
  }
  if (endsAt === null && kind !== 'continuous') {
    throw new AppError(400, 'VALIDATION_FAILED', 'Only a continuous campaign may stay open; give endsAt.', 'Bara en löpande kampanj kan vara öppen; ange ett slut.', [
      { field: 'endsAt', message: 'is required for digital and walk campaigns' },
    ])
  }
}

export async function insertCampaign(db: Kysely<Database>, municipalityId: number, c: NewCampaign): Promise<StaffCampaign> {
  const startsAt = new Date(c.startsAt)
  const endsAt = c.endsAt === null ? null : new Date(c.endsAt)
  checkPeriod(c.kind, startsAt, endsAt)
  const row = await db
    .insertInto('campaign')
    .values({ municipality_id: municipalityId, kind: c.kind, name: c.name.trim(), starts_at: startsAt, ends_at: endsAt, route: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return (await listCampaigns(db, municipalityId, row.id))[0]!
}

export async function updateCampaign(db: Kysely<Database>, municipalityId: number, id: number, change: CampaignChange): Promise<{ before: StaffCampaign; after: StaffCampaign }> {
  const before = (await listCampaigns(db, municipalityId, id))[0]
  if (!before) throw notFound('The campaign', 'Kampanjen')
  const startsAt = change.startsAt !== undefined ? new Date(change.startsAt) : new Date(before.startsAt)
  const endsAt = change.endsAt !== undefined ? (change.endsAt === null ? null : new Date(change.endsAt)) : before.endsAt === null ? null : new Date(before.endsAt)
  checkPeriod(before.kind, startsAt, endsAt)
  await db
    .updateTable('campaign')
    .set({ name: change.name?.trim() ?? before.name, starts_at: startsAt, ends_at: endsAt })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute()
  return { before, after: (await listCampaigns(db, municipalityId, id))[0]! }
}

/** Every category of the municipality in display order, inactive ones included. */
export async function listAdminCategories(db: Kysely<Database>, municipalityId: number, id?: number): Promise<AdminCategory[]> {
  let q = db
    .selectFrom('category')
    .select(['id', 'key', 'label_sv', 'label_en', 'group_key', 'sensitive', 'active', 'sort_order'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('sort_order')
    .orderBy('id')
  if (id !== undefined) q = q.where('id', '=', id)
  return (await q.execute()).map((r) => ({
    id: r.id,
    key: r.key,
    labelSv: r.label_sv,
    labelEn: r.label_en,
    group: r.group_key as AdminCategory['group'],
    sensitive: r.sensitive,
    active: r.active,
    order: r.sort_order,
  }))
}

export async function insertCategory(db: Kysely<Database>, municipalityId: number, c: NewCategory): Promise<AdminCategory> {
  const taken = await db.selectFrom('category').select('id').where('municipality_id', '=', municipalityId).where('key', '=', c.key).executeTakeFirst()
  if (taken) {
    throw new AppError(409, 'CONFLICT', `The municipality already has a category "${c.key}".`, `Kommunen har redan kategorin "${c.key}".`, [{ field: 'key', message: 'is taken' }])
  }
  const { rows } = await sql<{ id: number }>`
    INSERT INTO category (municipality_id, key, label_sv, label_en, group_key, sensitive, active, sort_order)
    SELECT ${municipalityId}, ${c.key}, ${c.labelSv.trim()}, ${c.labelEn.trim()}, ${c.group}, ${c.sensitive ?? false}, true,
           coalesce(max(sort_order) + 1, 0)
      FROM category WHERE municipality_id = ${municipalityId}
    RETURNING id`.execute(db)
  return (await listAdminCategories(db, municipalityId, rows[0]!.id))[0]!
}

export async function updateCategory(db: Kysely<Database>, municipalityId: number, id: number, change: CategoryChange): Promise<{ before: AdminCategory; after: AdminCategory }> {
  const before = (await listAdminCategories(db, municipalityId, id))[0]
  if (!before) throw notFound('The category', 'Kategorin')
  await db
    .updateTable('category')
    .set({
      label_sv: change.labelSv?.trim() ?? before.labelSv,
      label_en: change.labelEn?.trim() ?? before.labelEn,
      group_key: change.group ?? before.group,
      sensitive: change.sensitive ?? before.sensitive,
      active: change.active ?? before.active,
      sort_order: change.order ?? before.order,
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute()
  return { before, after: (await listAdminCategories(db, municipalityId, id))[0]! }
}
