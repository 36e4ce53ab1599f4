import { sql, type Kysely, type Transaction } from 'kysely'
import { MIN_BACKGROUND_GROUP, type BackgroundAnswers, type BackgroundStatistics } from '@trygg/domain'
import type { Database } from '../db/schema.ts'

/** Whether the municipality asks the background questions (`settings.backgroundQuestions`). */
export const backgroundQuestionsOn = (settings: Record<string, unknown>) => settings.backgroundQuestions === true

export async function municipalitySettings(db: Kysely<Database>, municipalityId: number): Promise<Record<string, unknown>> {
  const row = await db.selectFrom('municipality').select('settings').where('municipality_id', '=', municipalityId).executeTakeFirst()
  return row?.settings ?? {}
}

export async function setBackgroundQuestions(db: Kysely<Database> | Transaction<Database>, municipalityId: number, enabled: boolean): Promise<void> {
  await sql`UPDATE municipality SET settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{backgroundQuestions}', ${JSON.stringify(enabled)}::jsonb)
             WHERE municipality_id = ${municipalityId}`.execute(db)
}

/** Stores a pin's answers; false when it already has them. */
export async function insertBackground(db: Kysely<Database>, municipalityId: number, pinId: number, a: BackgroundAnswers, at: Date): Promise<boolean> {
  const rows = await db
    .insertInto('pin_background')
    .values({ municipality_id: municipalityId, pin_id: pinId, age_band: a.ageBand ?? null, gender: a.gender ?? null, created_at: at })
    .onConflict((oc) => oc.columns(['municipality_id', 'pin_id']).doNothing())
    .returning('pin_id')
    .execute()
  return rows.length === 1
}

/**
 * Published pins with background answers, grouped by age band or gender: each group's number
 * of pins, mean severity and pins per category. A group, and a category within a group, is
 * shown only with at least MIN_BACKGROUND_GROUP pins, so no answer can be traced to a person.
 */
export async function backgroundStatistics(db: Kysely<Database>, municipalityId: number, by: 'ageBand' | 'gender'): Promise<BackgroundStatistics> {
  const column = by === 'ageBand' ? sql.ref('b.age_band') : sql.ref('b.gender')
  const { rows } = await sql<{ grp: string; category: string; pins: number; severity_sum: number }>`
    SELECT ${column} AS grp, c.key AS category, count(*)::int AS pins, sum(p.severity)::int AS severity_sum
      FROM pin_background AS b
      JOIN pin AS p ON p.municipality_id = b.municipality_id AND p.id = b.pin_id
      JOIN category AS c ON c.municipality_id = p.municipality_id AND c.id = p.category_id
     WHERE b.municipality_id = ${municipalityId} AND p.moderation = 'published' AND ${column} IS NOT NULL
     GROUP BY 1, 2`.execute(db)
  const groups = new Map<string, { pins: number; severity: number; categories: { category: string; pins: number }[] }>()
  for (const r of rows) {
    const g = groups.get(r.grp) ?? { pins: 0, severity: 0, categories: [] }
    g.pins += r.pins
    g.severity += r.severity_sum
    g.categories.push({ category: r.category, pins: r.pins })
    groups.set(r.grp, g)
  }
  return {
    by,
    minGroupSize: MIN_BACKGROUND_GROUP,
    groups: [...groups.entries()]
      .filter(([, g]) => g.pins >= MIN_BACKGROUND_GROUP)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([group, g]) => ({
        group,
        pins: g.pins,
        meanSeverity: Math.round((g.severity / g.pins) * 100) / 100,
        categories: g.categories.filter((c) => c.pins >= MIN_BACKGROUND_GROUP).sort((a, b) => b.pins - a.pins || a.category.localeCompare(b.category)),
      })),
  }
}
