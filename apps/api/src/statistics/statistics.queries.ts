import { sql, type Kysely } from 'kysely'
import type { Statistics } from '@trygg/domain'
import type { Database } from '../db/schema.ts'
import { listIndicators } from '../follow-up/follow-up.queries.ts'
import { listCategories } from '../municipality/municipality.queries.ts'

/**
 * Charts of the statistics page for one campaign (default: the one that started last): pins per
 * category, times of day per category and pins per week; and, over all pins, pins per year and
 * category, with the yearly indicators staff entered. Published pins only; weeks and years in the
 * municipality's time zone. Undefined when the campaign is not the municipality's.
 */
export async function statistics(db: Kysely<Database>, municipalityId: number, campaignId?: number): Promise<Statistics | undefined> {
  const m = await db.selectFrom('municipality').select('time_zone').where('municipality_id', '=', municipalityId).executeTakeFirstOrThrow()
  let campaignQuery = db.selectFrom('campaign').selectAll().where('municipality_id', '=', municipalityId).orderBy('starts_at', 'desc').limit(1)
  if (campaignId !== undefined) campaignQuery = campaignQuery.where('id', '=', campaignId)
  const campaign = await campaignQuery.executeTakeFirst()
  if (campaignId !== undefined && !campaign) return undefined
  const cid = campaign?.id ?? -1
  const perCategory = await sql<{ key: string; n: number; morning: number; day: number; evening: number; night: number }>`
    SELECT c.key, count(*)::int AS n,
           count(*) FILTER (WHERE p.times_of_day & 1 > 0)::int AS morning, count(*) FILTER (WHERE p.times_of_day & 2 > 0)::int AS day,
           count(*) FILTER (WHERE p.times_of_day & 4 > 0)::int AS evening, count(*) FILTER (WHERE p.times_of_day & 8 > 0)::int AS night
      FROM pin p JOIN category c ON c.municipality_id = p.municipality_id AND c.id = p.category_id
     WHERE p.municipality_id = ${municipalityId} AND p.campaign_id = ${cid} AND p.moderation = 'published'
     GROUP BY c.key`.execute(db)
  const weeks = await sql<{ week: string; n: number }>`
    SELECT to_char(date_trunc('week', p.created_at AT TIME ZONE ${m.time_zone}), 'YYYY-MM-DD') AS week, count(*)::int AS n
      FROM pin p
     WHERE p.municipality_id = ${municipalityId} AND p.campaign_id = ${cid} AND p.moderation = 'published'
     GROUP BY 1 ORDER BY 1`.execute(db)
  const years = await sql<{ year: number; key: string; n: number }>`
    SELECT extract(year FROM p.created_at AT TIME ZONE ${m.time_zone})::int AS year, c.key, count(*)::int AS n
      FROM pin p JOIN category c ON c.municipality_id = p.municipality_id AND c.id = p.category_id
     WHERE p.municipality_id = ${municipalityId} AND p.moderation = 'published'
     GROUP BY 1, 2 ORDER BY 1`.execute(db)
  const byYear = new Map<number, Record<string, number>>()
  for (const r of years.rows) byYear.set(Number(r.year), { ...byYear.get(Number(r.year)), [r.key]: Number(r.n) })
  return {
    campaign: campaign
      ? { id: campaign.id, kind: campaign.kind, name: campaign.name, startsAt: campaign.starts_at.toISOString(), endsAt: campaign.ends_at?.toISOString() ?? null }
      : null,
    categories: (await listCategories(db, municipalityId)).map((c) => ({ key: c.key, labelSv: c.label_sv, labelEn: c.label_en, group: c.group_key })),
    byCategory: Object.fromEntries(perCategory.rows.map((r) => [r.key, Number(r.n)])),
    timeOfDay: Object.fromEntries(
      perCategory.rows.map((r) => [r.key, { morning: Number(r.morning), day: Number(r.day), evening: Number(r.evening), night: Number(r.night) }]),
    ),
    weeks: weeks.rows.map((w) => ({ week: w.week, count: Number(w.n) })),
    years: [...byYear.entries()].map(([year, byCategory]) => ({ year, byCategory })),
    indicators: await listIndicators(db, municipalityId, 1990, 2200),
  }
}
