import { sql, type Kysely } from 'kysely'
import type { FollowUpReport, YearlyIndicator, YearlyIndicatorChange } from '@trygg/domain'
import { listChoices } from '../actions/actions.queries.ts'
import type { Database } from '../db/schema.ts'
import { listCategories } from '../municipality/municipality.queries.ts'
import { campaignResults } from '../results/campaign-results.queries.ts'

/** The year of an instant in a time zone. */
const yearIn = (iso: string, timeZone: string) => Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(new Date(iso)))

/** The indicators of the years `from`..`to`, oldest first; years without a row are left out. */
export async function listIndicators(db: Kysely<Database>, municipalityId: number, from: number, to: number): Promise<YearlyIndicator[]> {
  const rows = await db
    .selectFrom('yearly_indicator')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('year', '>=', from)
    .where('year', '<=', to)
    .orderBy('year')
    .execute()
  return rows.map((r) => ({
    year: r.year,
    feelSafeShare: r.feel_safe_share === null ? null : Number(r.feel_safe_share),
    reportedCrimes: r.reported_crimes,
    note: r.note,
  }))
}

/** Sets the indicators of a year (a new row or the existing one); returns the row. */
export async function setIndicators(db: Kysely<Database>, municipalityId: number, year: number, v: YearlyIndicatorChange, at: Date) {
  await db
    .insertInto('yearly_indicator')
    .values({ municipality_id: municipalityId, year, feel_safe_share: v.feelSafeShare, reported_crimes: v.reportedCrimes, note: v.note ?? null, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'year']).doUpdateSet({ feel_safe_share: v.feelSafeShare, reported_crimes: v.reportedCrimes, note: v.note ?? null, updated_at: at }),
    )
    .execute()
  return (await listIndicators(db, municipalityId, year, year))[0]!
}

/**
 * The yearly follow-up of a municipality: campaigns that started in the year (local time) with
 * their comparison, the action plan per focus area and status, the items done in the year,
 * overdue items (due before `today`, not done), and five years of indicators.
 */
export async function followUpReport(db: Kysely<Database>, municipalityId: number, year: number, today: Date): Promise<FollowUpReport> {
  const m = await db.selectFrom('municipality').select(['name', 'time_zone']).where('municipality_id', '=', municipalityId).executeTakeFirstOrThrow()
  const all = await campaignResults(db, municipalityId)
  const campaigns = all
    .filter((c) => yearIn(c.campaign.startsAt, m.time_zone) === year)
    .map((c) => ({ ...c, previousCategories: all.find((p) => p.campaign.id === c.previous?.campaignId)?.categories ?? null }))
  const categories = (await listCategories(db, municipalityId)).map((c) => ({ key: c.key, labelSv: c.label_sv, labelEn: c.label_en }))
  const focusAreas = await listChoices(db, municipalityId, 'action_focus_area')
  const counts = await db
    .selectFrom('action_item')
    .select(['focus_area_key', 'status', sql<number>`count(*)::int`.as('n')])
    .where('municipality_id', '=', municipalityId)
    .groupBy(['focus_area_key', 'status'])
    .execute()
  const byFocusArea = focusAreas
    .map((f) => ({
      key: f.key,
      labelSv: f.labelSv,
      labelEn: f.labelEn,
      counts: Object.fromEntries(counts.filter((c) => c.focus_area_key === f.key).map((c) => [c.status, Number(c.n)])),
    }))
    .filter((f) => Object.keys(f.counts).length > 0 || focusAreas.find((x) => x.key === f.key)?.active)
  const done = await db
    .selectFrom('action_item as a')
    .select([
      'a.id', 'a.title', 'a.focus_area_key', 'a.completed_at',
      sql<number>`(SELECT count(*) FROM action_item_pin p WHERE p.municipality_id = a.municipality_id AND p.action_item_id = a.id)::int`.as('pin_count'),
    ])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.status', '=', 'done')
    .where(sql<boolean>`extract(year FROM a.completed_at AT TIME ZONE ${m.time_zone}) = ${year}`)
    .orderBy('a.completed_at')
    .execute()
  const todayLocal = new Intl.DateTimeFormat('en-CA', { timeZone: m.time_zone }).format(today)
  const overdue = await db
    .selectFrom('action_item')
    .select(['id', 'title', 'status', sql<string>`to_char(due_on, 'YYYY-MM-DD')`.as('due_on')])
    .where('municipality_id', '=', municipalityId)
    .where('status', 'in', ['proposed', 'planned', 'in_progress'])
    .where(sql<boolean>`due_on < ${todayLocal}::date`)
    .orderBy('due_on')
    .execute()
  return {
    year,
    municipality: m.name,
    campaigns,
    categories,
    actionPlan: {
      byFocusArea,
      doneInYear: done.map((d) => ({ id: d.id, title: d.title, focusArea: d.focus_area_key, completedAt: d.completed_at!.toISOString(), pinCount: Number(d.pin_count) })),
      overdue: overdue.map((o) => ({ id: o.id, title: o.title, dueOn: o.due_on, status: o.status })),
    },
    indicators: await listIndicators(db, municipalityId, year - 4, year),
  }
}
