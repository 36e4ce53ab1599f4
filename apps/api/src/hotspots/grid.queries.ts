import { sql, type Kysely } from 'kysely'
import type { GridCell } from '@trygg/geo'
import type { Database } from '../db/schema.ts'
import { pinWhere, type PinFilter } from './pin-filter.ts'

export interface GridParams {
  filter: PinFilter
  srid: number // metric SRID the grid is aligned in
  cellSize: number // side of a cell, metres; cell (i, j) spans [i·size, (i+1)·size) × [j·size, (j+1)·size)
  bySeverity: boolean // cell value is the sum of severities instead of the pin count
}

/**
 * Every cell of the study area with its value: the cells of the grid aligned to multiples of
 * `cellSize` (PostGIS `ST_SquareGrid`) that intersect the municipality's boundary, empty ones
 * with value 0, plus any cell holding a selected pin (a pin on the boundary line whose cell
 * only touches it). A pin belongs to cell (floor(x / size), floor(y / size)). Also how many
 * pins the filter selects, counted in the same pass.
 */
export async function gridCellValues(db: Kysely<Database>, q: GridParams): Promise<{ cells: GridCell[]; pinCount: number }> {
  const size = sql`${q.cellSize}::float8`
  const { rows } = await sql<{ i: number; j: number; value: number; pin_count: number }>`
    WITH area AS MATERIALIZED (
      SELECT ST_Transform(boundary, ${q.srid}::integer) AS b FROM municipality WHERE municipality_id = ${q.filter.municipalityId}
    ),
    cells AS (
      SELECT sq.i, sq.j FROM area, ST_SquareGrid(${size}, area.b) AS sq WHERE ST_Intersects(sq.geom, area.b)
    ),
    pins AS (
      SELECT floor(ST_X(g) / ${size})::integer AS i, floor(ST_Y(g) / ${size})::integer AS j, sum(w)::float8 AS value, count(*) AS n
        FROM (SELECT ST_Transform(p.geom, ${q.srid}::integer) AS g, ${q.bySeverity ? sql`p.severity` : sql`1`} AS w
                FROM pin AS p WHERE ${pinWhere('p', q.filter)}) AS s
       GROUP BY 1, 2
    )
    SELECT coalesce(c.i, p.i) AS i, coalesce(c.j, p.j) AS j, coalesce(p.value, 0)::float8 AS value,
           (sum(coalesce(p.n, 0)) OVER ())::integer AS pin_count
      FROM cells AS c FULL JOIN pins AS p ON p.i = c.i AND p.j = c.j
     ORDER BY 2, 1`.execute(db)
  return { cells: rows.map(({ i, j, value }) => ({ i, j, value })), pinCount: rows[0]?.pin_count ?? 0 }
}

/** WGS84 GeoJSON polygons of grid cells, in the order given. */
export async function gridCellPolygons(
  db: Kysely<Database>,
  q: { srid: number; cellSize: number; cells: readonly { i: number; j: number }[] },
): Promise<string[]> {
  if (!q.cells.length) return []
  const size = sql`${q.cellSize}::float8`
  const { rows } = await sql<{ k: number; geometry: string }>`
    SELECT t.k, ST_AsGeoJSON(ST_Transform(ST_MakeEnvelope(t.i * ${size}, t.j * ${size}, (t.i + 1) * ${size}, (t.j + 1) * ${size}, ${q.srid}::integer), 4326), 7) AS geometry
      FROM json_to_recordset(${JSON.stringify(q.cells.map((c, k) => ({ k, i: c.i, j: c.j })))}::json) AS t(k integer, i integer, j integer)
     ORDER BY t.k`.execute(db)
  return rows.map((r) => r.geometry)
}
