import { sql, type Kysely } from 'kysely'
import {
  GROUP_COLORS,
  TIMES_OF_DAY,
  TRAFFIC_DEFAULTS,
  maskToTimesOfDay,
  timesOfDayToMask,
  type CategoryGroup,
  type StaffCategory,
  type TrafficArea,
  type TrafficAreasResult,
  type WhenMatrix,
} from '@trygg/domain'
import type { Database } from '../db/schema.ts'
import { AppError, type FieldError } from '../errors/app-error.ts'
import { inAnalysisTransaction } from '../hotspots/analysis-transaction.ts'
import { dbscanClusters } from '../hotspots/dbscan.queries.ts'
import { toHotspotFeatures } from '../hotspots/hotspot-summary.ts'
import { findStudyArea, type StudyArea } from '../hotspots/hotspots.queries.ts'
import { HULL_BUFFER } from '../hotspots/index.ts'
import { pinWhere, type PinFilter } from '../hotspots/pin-filter.ts'
import { listCategories, type CategoryRow } from '../municipality/municipality.queries.ts'

/** The municipality's traffic frame: study area and the categories of the traffic group. */
export interface TrafficContext {
  area: StudyArea
  traffic: CategoryRow[]
}

export async function trafficContext(db: Kysely<Database>, municipalityId: number): Promise<TrafficContext> {
  const [area, categories] = await Promise.all([findStudyArea(db, municipalityId), listCategories(db, municipalityId)])
  if (!area) throw new AppError(503, 'DATABASE_UNAVAILABLE', 'The municipality is not set up.', 'Kommunen är inte upplagd.')
  return { area, traffic: categories.filter((c) => c.group_key === 'traffic') }
}

export interface AreaParams {
  eps?: number | undefined
  minPoints?: number | undefined
  /** Comma-separated traffic category keys. */
  category?: string | undefined
  from?: string | undefined
  to?: string | undefined
}

/** Checks the parameters against the traffic group; throws one 400 naming every bad field. */
export function resolveParams(ctx: TrafficContext, q: AreaParams) {
  const fields: FieldError[] = []
  const keys = q.category ? [...new Set(q.category.split(','))] : ctx.traffic.map((c) => c.key)
  const unknown = keys.filter((k) => !ctx.traffic.some((c) => c.key === k))
  if (unknown.length) fields.push({ field: 'category', message: `not a traffic category: ${unknown.join(', ')}` })
  if (q.from && q.to && q.from > q.to) fields.push({ field: 'from', message: 'must not be after to' })
  if (fields.length) {
    throw new AppError(400, 'VALIDATION_FAILED', `Invalid query: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`, 'Urvalet är inte giltigt.', fields)
  }
  return {
    eps: q.eps ?? TRAFFIC_DEFAULTS.eps,
    minPoints: q.minPoints ?? TRAFFIC_DEFAULTS.minPoints,
    categories: keys,
    from: q.from ?? null,
    to: q.to ?? null,
  }
}
export type ResolvedParams = ReturnType<typeof resolveParams>

/** The published traffic pins a set of parameters selects. */
export function trafficFilter(ctx: TrafficContext, p: Pick<ResolvedParams, 'categories' | 'from' | 'to'>): PinFilter {
  return {
    municipalityId: ctx.area.municipalityId,
    timeZone: ctx.area.timeZone,
    campaignIds: null,
    categoryIds: ctx.traffic.filter((c) => p.categories.includes(c.key)).map((c) => c.id),
    timeOfDayMask: null,
    from: p.from,
    to: p.to,
  }
}

/**
 * The traffic problem areas: DBSCAN clusters of the selected traffic pins (as the planner's
 * hotspots), ranked by score, each with its when-matrix and the trend of the last `weeks`
 * weeks before `now` against the `weeks` weeks before those.
 */
export async function trafficAreas(db: Kysely<Database>, ctx: TrafficContext, params: ResolvedParams, now: Date, weeks: number): Promise<TrafficAreasResult> {
  const filter = trafficFilter(ctx, params)
  const { clusters: rows } = await inAnalysisTransaction(db, (trx) =>
    dbscanClusters(trx, { filter, srid: ctx.area.metricSrid, eps: params.eps, minPoints: params.minPoints, hullBuffer: HULL_BUFFER, comparison: null }),
  )
  const keys = new Map(ctx.traffic.map((c) => [c.id, c.key]))
  const hotspots = toHotspotFeatures(rows, keys)
  const pinIds = hotspots.flatMap((h) => h.properties.pins.map((p) => p.id))
  const [dayTypes, trends, pinCount] = await Promise.all([
    pinDayTypes(db, ctx.area.municipalityId, pinIds),
    hullTrends(db, { ...filter, from: null, to: null }, hotspots.map((h) => JSON.stringify(h.geometry)), now, weeks),
    countTraffic(db, filter),
  ])
  const features = hotspots.map((h, k): TrafficArea => {
    const { id, rank, centroid, pinCount, agreements, meanSeverity, score, categories, pins } = h.properties
    const matrix = matrixOf(pins.map((pin) => ({ dayType: dayTypes.get(pin.id) ?? null, mask: timesOfDayToMask(pin.timesOfDay) })))
    const trend = trends[k]!
    return {
      type: 'Feature',
      geometry: h.geometry,
      properties: { id, rank, centroid, pinCount, agreements, meanSeverity, score, categories, matrix, trend: { weeks, ...trend, change: trend.recent - trend.previous }, pinIds: pins.map((p) => p.id) },
    }
  })
  return { type: 'FeatureCollection', parameters: params, categories: ctx.traffic.map(toStaffCategory), pinCount, features }
}

export function emptyMatrix(): WhenMatrix {
  const row = () => Object.fromEntries(TIMES_OF_DAY.map((t) => [t, 0])) as WhenMatrix['weekday']
  return { weekday: row(), weekend: row(), unspecified: row() }
}

/** Counts of the pins' times of day per day type, for pins given as (day type, times-of-day mask). */
export function matrixOf(pins: readonly { dayType: 'weekday' | 'weekend' | 'both' | null; mask: number }[]): WhenMatrix {
  const matrix = emptyMatrix()
  for (const pin of pins) {
    const rows = pin.dayType === 'both' ? (['weekday', 'weekend'] as const) : pin.dayType ? [pin.dayType] : (['unspecified'] as const)
    for (const row of rows) for (const t of maskToTimesOfDay(pin.mask)) matrix[row][t] += 1
  }
  return matrix
}

async function pinDayTypes(db: Kysely<Database>, municipalityId: number, ids: number[]) {
  if (!ids.length) return new Map<number, 'weekday' | 'weekend' | 'both' | null>()
  const rows = await db.selectFrom('pin').select(['id', 'day_type']).where('municipality_id', '=', municipalityId).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [Number(r.id), r.day_type]))
}

/** Pins of the filter inside each hull in the last `weeks` weeks before `now` and the `weeks` before those. */
async function hullTrends(db: Kysely<Database>, filter: PinFilter, hulls: string[], now: Date, weeks: number) {
  if (!hulls.length) return []
  const span = weeks * 7 * 24 * 3600 * 1000
  const recentStart = new Date(now.getTime() - span)
  const previousStart = new Date(now.getTime() - 2 * span)
  const { rows } = await sql<{ k: number; previous: number; recent: number }>`
    WITH hull AS (
      SELECT (t.ordinality - 1)::integer AS k, ST_SetSRID(ST_GeomFromGeoJSON(t.value::text), 4326) AS g
        FROM json_array_elements(${JSON.stringify(hulls.map((h) => JSON.parse(h)))}::json) WITH ORDINALITY AS t(value, ordinality)
    )
    SELECT h.k, c.previous, c.recent
      FROM hull AS h
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE p.created_at >= ${previousStart} AND p.created_at < ${recentStart})::integer AS previous,
               count(*) FILTER (WHERE p.created_at >= ${recentStart} AND p.created_at <= ${now})::integer AS recent
          FROM pin AS p
         WHERE p.geom && h.g AND ST_Covers(h.g, p.geom) AND p.created_at >= ${previousStart} AND ${pinWhere('p', filter)}
      ) AS c
     ORDER BY h.k`.execute(db)
  return rows.map((r) => ({ previous: r.previous, recent: r.recent }))
}

async function countTraffic(db: Kysely<Database>, filter: PinFilter): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::integer AS n FROM pin AS p WHERE ${pinWhere('p', filter)}`.execute(db)
  return rows[0]!.n
}

function toStaffCategory(c: CategoryRow): StaffCategory {
  return {
    key: c.key,
    labelSv: c.label_sv,
    labelEn: c.label_en,
    group: c.group_key,
    sensitive: c.sensitive,
    active: c.active,
    color: GROUP_COLORS[c.group_key as CategoryGroup] ?? GROUP_COLORS.other,
  }
}
