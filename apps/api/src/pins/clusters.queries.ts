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

interface CellRow {
  cx: number
  cy: number
  category_id: number
  n: number
  sx: number
  sy: number
  sample: number
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
  const r = cellRange(req.bbox, zoom)
  const campaign = req.filters.campaignId
  if (usesAggregates(req.filters)) {
    const { rows } = await sql<CellRow>`
      SELECT cx, cy, category_id, sum(pin_count)::integer AS n, sum(sum_x) AS sx, sum(sum_y) AS sy,
             max(sample_pin_id) AS sample
        FROM pin_cell
       WHERE municipality_id = ${req.municipalityId} AND zoom = ${zoom}
         AND cx BETWEEN ${r.minX} AND ${r.maxX} AND cy BETWEEN ${r.minY} AND ${r.maxY}
         AND category_id IN (${sql.join(categoryIds)})
         ${campaign === null ? sql`` : sql`AND campaign_id = ${campaign}`}
       GROUP BY cx, cy, category_id`.execute(db)
    return rows
  }
  const size = cellSize(zoom)
  const [minLon, minLat] = mercatorToLonLat([r.minX * size, r.minY * size])
  const [maxLon, maxLat] = mercatorToLonLat([(r.maxX + 1) * size, (r.maxY + 1) * size])
  const { rows } = await sql<CellRow>`
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
     GROUP BY 1, 2, 3`.execute(db)
  return rows
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
  const cells = new Map<string, { cx: number; cy: number; n: number; sx: number; sy: number; sample: number; categories: Record<string, number> }>()
  for (const row of rows) {
    const id = `${row.cx}:${row.cy}`
    let cell = cells.get(id)
    if (!cell) cells.set(id, (cell = { cx: row.cx, cy: row.cy, n: 0, sx: 0, sy: 0, sample: row.sample, categories: {} }))
    cell.n += row.n
    cell.sx += row.sx
    cell.sy += row.sy
    const key = keys.get(row.category_id) ?? 'other'
    cell.categories[key] = (cell.categories[key] ?? 0) + row.n
  }
  return [...cells.values()].map((c) => {
    const [lon, lat] = sensitive ? cellCenter({ zoom, x: c.cx, y: c.cy }) : mercatorToLonLat([c.sx / c.n, c.sy / c.n])
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [round6(lon), round6(lat)] },
      properties: {
        count: c.n,
        categories: c.categories,
        ...(c.n === 1 && !sensitive ? { id: c.sample } : {}),
        ...(sensitive ? { sensitive: true } : {}),
      },
    }
  })
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6
