import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { ClusterFeature } from '@trygg/domain'
import { cellCenter, cellRange, cellSize, mercatorToLonLat } from '@trygg/geo'
import type { Database } from '../db/schema.ts'

export interface ClusterFilters {
  /** Category ids to include; null means every category. */
  categoryIds: number[] | null
  campaignId: number | null
  /** Inclusive local dates `YYYY-MM-DD` in the municipality's time zone. */
  from: string | null
  to: string | null
  /** Bit mask of times of day; a pin matches when it shares any bit. */
  timeOfDayMask: number | null
}

export interface ClusterRequest {
  municipalityId: number
  timeZone: string
  bbox: [number, number, number, number]
  zoom: number
  filters: ClusterFilters
  /** Category id → key, for every category of the municipality. */
  categoryKeys: Map<number, string>
  sensitiveIds: Set<number>
  /** Sensitive pins show only in cells of at least this many. */
  sensitiveMinCount: number
  /** Sensitive pins are clustered no finer than this zoom. */
  sensitiveMaxZoom: number
}

/** One cell: its totals over the wanted categories and `counts` per category as `"id:n,id:n"`. */
interface CellRow {
  cx: number
  cy: number
  n: number
  sx: number
  sy: number
  sample: number
  counts: string
}

/**
 * Clusters for a viewport. Every matching public pin in a cell that touches the bbox is
 * counted in exactly one feature. Without date or time-of-day filters the counts come from
 * the per-zoom aggregates in `pin_cell`; with them, from the pins themselves (same grid).
 * Sensitive categories are clustered apart, on a grid no finer than `sensitiveMaxZoom`, and
 * shown only where a cell holds at least `sensitiveMinCount`, at the cell centre.
 */
export async function findClusters(db: Kysely<Database>, req: ClusterRequest): Promise<ClusterFeature[]> {
  const wanted = req.filters.categoryIds ?? [...req.categoryKeys.keys()]
  const open = wanted.filter((id) => !req.sensitiveIds.has(id))
  const sensitive = wanted.filter((id) => req.sensitiveIds.has(id))
  const sensitiveZoom = Math.min(req.zoom, req.sensitiveMaxZoom)
  const [openRows, sensitiveRows] = await Promise.all([
    open.length ? cellRows(db, req, req.zoom, open) : Promise.resolve([]),
    sensitive.length ? cellRows(db, req, sensitiveZoom, sensitive) : Promise.resolve([]),
  ])
  return [
    ...toFeatures(openRows, req.zoom, req.categoryKeys, false),
    ...toFeatures(sensitiveRows, sensitiveZoom, req.categoryKeys, true).filter((f) => f.properties.count >= req.sensitiveMinCount),
  ]
}

function usesAggregates(f: ClusterFilters): boolean {
  return f.from === null && f.to === null && f.timeOfDayMask === null
}

async function cellRows(db: Kysely<Database>, req: ClusterRequest, zoom: number, categoryIds: number[]): Promise<CellRow[]> {
  const { rows } = await sql<CellRow>`
    SELECT cx, cy, sum(n)::integer AS n, sum(sx) AS sx, sum(sy) AS sy, max(sample) AS sample,
           string_agg(category_id || ':' || n, ',') AS counts
      FROM (${perCategoryRows(req, zoom, categoryIds)}) AS per_category
     GROUP BY cx, cy`.execute(db)
  return rows
}

/**
 * The pins of each cell and category that touches the bbox, as `cx, cy, category_id, n, sx, sy, sample`.
 * Without date or time-of-day filters they come from `pin_cell`, else from the pins (same grid).
 */
function perCategoryRows(req: ClusterRequest, zoom: number, categoryIds: number[]): RawBuilder<unknown> {
  const r = cellRange(req.bbox, zoom)
  const campaign = req.filters.campaignId
  if (usesAggregates(req.filters)) {
    return sql`
      SELECT cx, cy, category_id, sum(pin_count)::integer AS n, sum(sum_x) AS sx, sum(sum_y) AS sy,
             max(sample_pin_id) AS sample
        FROM pin_cell
       WHERE municipality_id = ${req.municipalityId} AND zoom = ${zoom}
         AND cx BETWEEN ${r.minX} AND ${r.maxX} AND cy BETWEEN ${r.minY} AND ${r.maxY}
         AND category_id IN (${sql.join(categoryIds)})
         ${campaign === null ? sql`` : sql`AND campaign_id = ${campaign}`}
       GROUP BY cx, cy, category_id`
  }
  const size = cellSize(zoom)
  const [minLon, minLat] = mercatorToLonLat([r.minX * size, r.minY * size])
  const [maxLon, maxLat] = mercatorToLonLat([(r.maxX + 1) * size, (r.maxY + 1) * size])
  return sql`
    SELECT floor(mx / ${size}::float8)::integer AS cx, floor(my / ${size}::float8)::integer AS cy, category_id,
           count(*)::integer AS n, sum(mx) AS sx, sum(my) AS sy, max(id) AS sample
      FROM pin
     WHERE municipality_id = ${req.municipalityId} AND moderation = 'published'
       AND geom && ST_MakeEnvelope(${minLon}::float8, ${minLat}::float8, ${maxLon}::float8, ${maxLat}::float8, 4326)
       AND floor(mx / ${size}::float8) BETWEEN ${r.minX} AND ${r.maxX}
       AND floor(my / ${size}::float8) BETWEEN ${r.minY} AND ${r.maxY}
       AND category_id IN (${sql.join(categoryIds)})
       ${campaign === null ? sql`` : sql`AND coalesce(campaign_id, 0) = ${campaign}`}
       ${dateFilter(req)}
       ${req.filters.timeOfDayMask === null ? sql`` : sql`AND (times_of_day & ${req.filters.timeOfDayMask}::smallint) <> 0`}
     GROUP BY 1, 2, 3`
}

function dateFilter(req: ClusterRequest): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = []
  if (req.filters.from !== null) {
    parts.push(sql`AND created_at >= (${req.filters.from}::date::timestamp AT TIME ZONE ${req.timeZone})`)
  }
  if (req.filters.to !== null) {
    parts.push(sql`AND created_at < ((${req.filters.to}::date + 1)::timestamp AT TIME ZONE ${req.timeZone})`)
  }
  return sql.join(parts, sql` `)
}

function toFeatures(rows: CellRow[], zoom: number, keys: Map<number, string>, sensitive: boolean): ClusterFeature[] {
  return rows.map((c) => {
    const [lon, lat] = sensitive ? cellCenter({ zoom, x: c.cx, y: c.cy }) : mercatorToLonLat([c.sx / c.n, c.sy / c.n])
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [round6(lon), round6(lat)] },
      properties: {
        count: c.n,
        categories: categoryCounts(c.counts, keys),
        ...(c.n === 1 && !sensitive ? { id: c.sample } : {}),
        ...(sensitive ? { sensitive: true } : {}),
      },
    }
  })
}

/** `"3:12,7:1"` → `{ lighting: 12, moped: 1 }`; an unknown id counts as `other`. */
function categoryCounts(counts: string, keys: Map<number, string>): Record<string, number> {
  const result: Record<string, number> = {}
  for (const part of counts.split(',')) {
    const colon = part.indexOf(':')
    const key = keys.get(Number(part.slice(0, colon))) ?? 'other'
    result[key] = (result[key] ?? 0) + Number(part.slice(colon + 1))
  }
  return result
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6
