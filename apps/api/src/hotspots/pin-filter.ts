import { sql, type RawBuilder } from 'kysely'

/** Which published pins of a municipality an analysis looks at; null means no restriction. */
export interface PinFilter {
  municipalityId: number
  campaignIds: number[] | null
  categoryIds: number[] | null
  /** Bit mask of times of day; a pin matches when it shares any bit. */
  timeOfDayMask: number | null
  /** Inclusive local dates `YYYY-MM-DD` in `timeZone`. */
  from: string | null
  to: string | null
  timeZone: string
}

/**
 * The WHERE clause selecting the pins of `filter` from `pin` aliased as `alias`: published
 * pins of the municipality, sensitive categories included (staff only).
 * @example sql`SELECT count(*) FROM pin AS p WHERE ${pinWhere('p', filter)}`
 */
export function pinWhere(alias: string, f: PinFilter): RawBuilder<unknown> {
  const p = sql.ref(alias)
  const parts: RawBuilder<unknown>[] = [sql`${p}.municipality_id = ${f.municipalityId}`, sql`${p}.moderation = 'published'`]
  if (f.campaignIds !== null) parts.push(f.campaignIds.length ? sql`${p}.campaign_id IN (${sql.join(f.campaignIds)})` : sql`false`)
  if (f.categoryIds !== null) parts.push(f.categoryIds.length ? sql`${p}.category_id IN (${sql.join(f.categoryIds)})` : sql`false`)
  if (f.timeOfDayMask !== null) parts.push(sql`(${p}.times_of_day & ${f.timeOfDayMask}::smallint) <> 0`)
  if (f.from !== null) parts.push(sql`${p}.created_at >= (${f.from}::date::timestamp AT TIME ZONE ${f.timeZone})`)
  if (f.to !== null) parts.push(sql`${p}.created_at < ((${f.to}::date + 1)::timestamp AT TIME ZONE ${f.timeZone})`)
  return sql.join(parts, sql` AND `)
}
