import { sql, type Kysely } from 'kysely'
import { CONTROL_EFFECT_RADIUS, type ActionEffect, type ControlEffect } from '@trygg/domain'
import type { Database } from '../db/schema.ts'
import { pinWhere, type PinFilter } from '../hotspots/pin-filter.ts'

/**
 * "Did it help": the pins of `filter` in the control's linked area (or within 150 m of its place
 * without one) per week, `weeks` weeks before and after the control day in the municipality's
 * time zone. Week −1 is the 7 days before the control day, week 1 the 7 days after it; pins of
 * the control day itself count in neither.
 */
export async function controlEffect(
  db: Kysely<Database>,
  q: { municipalityId: number; controlId: number; filter: PinFilter; weeks: number; today: string },
): Promise<ControlEffect | undefined> {
  const { rows: controls } = await sql<{ date: string; has_area: boolean }>`
    SELECT control_date::text AS date, area_geom IS NOT NULL AS has_area FROM police_control
     WHERE municipality_id = ${q.municipalityId} AND id = ${q.controlId}`.execute(db)
  const control = controls[0]
  if (!control) return undefined
  const place = sql`
      SELECT control_date AS d,
             coalesce(area_geom, ST_Buffer(geom::geography, ${CONTROL_EFFECT_RADIUS}::float8)::geometry) AS g
        FROM police_control WHERE municipality_id = ${q.municipalityId} AND id = ${q.controlId}`
  const weekly = await weeklyCounts(db, place, control.date, q)
  return { controlId: q.controlId, date: control.date, weeks: q.weeks, basis: control.has_area ? 'area' : 'radius', ...weekly }
}

/**
 * "Did it help" for a completed action item with an area: the pins of `filter` inside its area
 * per week, `weeks` weeks before and after the day it was marked done (in the municipality's
 * time zone). Undefined when the municipality has no such item; `null` when it is not done or
 * has no area.
 */
export async function actionEffect(
  db: Kysely<Database>,
  q: { municipalityId: number; actionItemId: number; filter: PinFilter; weeks: number; today: string },
): Promise<ActionEffect | null | undefined> {
  const { rows: items } = await sql<{ date: string | null; has_area: boolean }>`
    SELECT CASE WHEN status = 'done' THEN (completed_at AT TIME ZONE ${q.filter.timeZone})::date::text END AS date, area IS NOT NULL AS has_area
      FROM action_item WHERE municipality_id = ${q.municipalityId} AND id = ${q.actionItemId}`.execute(db)
  const item = items[0]
  if (!item) return undefined
  if (!item.date || !item.has_area) return null
  const place = sql`
      SELECT (completed_at AT TIME ZONE ${q.filter.timeZone})::date AS d, area AS g
        FROM action_item WHERE municipality_id = ${q.municipalityId} AND id = ${q.actionItemId}`
  const weekly = await weeklyCounts(db, place, item.date, q)
  return { actionItemId: q.actionItemId, date: item.date, weeks: q.weeks, ...weekly }
}

/** Pins of `filter` inside the place's geometry `g`, per week around its day `d`. */
async function weeklyCounts(
  db: Kysely<Database>,
  place: ReturnType<typeof sql>,
  date: string,
  q: { filter: PinFilter; weeks: number; today: string },
): Promise<Pick<ControlEffect, 'before' | 'after' | 'afterComplete' | 'series'>> {
  const { rows } = await sql<{ week: number; count: number }>`
    WITH c AS (${place}),
    days AS (
      SELECT ((p.created_at AT TIME ZONE ${q.filter.timeZone})::date - c.d) AS n
        FROM c JOIN pin AS p ON ST_Covers(c.g, p.geom)
       WHERE ${pinWhere('p', q.filter)}
    )
    SELECT CASE WHEN n < 0 THEN floor(n / 7.0) ELSE floor((n - 1) / 7.0) + 1 END::integer AS week, count(*)::integer AS count
      FROM days
     WHERE n <> 0 AND n BETWEEN ${-7 * q.weeks} AND ${7 * q.weeks}
     GROUP BY 1`.execute(db)
  const counts = new Map(rows.map((r) => [r.week, r.count]))
  const series: ControlEffect['series'] = []
  for (let week = -q.weeks; week <= q.weeks; week++) {
    if (week === 0) continue
    series.push({ week, start: addDays(date, week < 0 ? 7 * week : 1 + 7 * (week - 1)), count: counts.get(week) ?? 0 })
  }
  const sum = (s: typeof series) => s.reduce((n, w) => n + w.count, 0)
  return {
    before: sum(series.filter((w) => w.week < 0)),
    after: sum(series.filter((w) => w.week > 0)),
    afterComplete: q.today > addDays(date, 7 * q.weeks),
    series,
  }
}

/** `YYYY-MM-DD` plus `days` days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
