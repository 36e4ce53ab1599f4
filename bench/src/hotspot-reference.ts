import { sql, type Kysely } from 'kysely'
import type { Database } from '../../apps/api/src/db/schema.ts'

/**
 * The plain SQL an analyst would write for DBSCAN: cluster the published pins of the
 * municipality on their SWEREF 99 TM coordinates and return each cluster's buffered convex
 * hull and pin count.
 */
export async function dbscanReference(db: Kysely<Database>, p: { municipalityId: number; campaignId: number | null; eps: number; minPoints: number }) {
  const { rows } = await sql<{ hull: string; n: number }>`
    WITH clustered AS (
      SELECT ST_ClusterDBSCAN(g, ${p.eps}::float8, ${p.minPoints}::integer) OVER (ORDER BY id) AS cid, g
        FROM (SELECT id, ST_Transform(geom, 3006) AS g FROM pin
               WHERE municipality_id = ${p.municipalityId} AND moderation = 'published'
                 ${p.campaignId === null ? sql`` : sql`AND campaign_id = ${p.campaignId}`}) AS s
    )
    SELECT ST_AsGeoJSON(ST_Transform(ST_Buffer(ST_ConvexHull(ST_Collect(g)), 10, 'quad_segs=4'), 4326), 7) AS hull, count(*)::integer AS n
      FROM clustered WHERE cid IS NOT NULL GROUP BY cid`.execute(db)
  return rows
}

/**
 * Getis-Ord Gi* entirely in SQL: the square grid over the municipality in SWEREF 99 TM, pin
 * counts per cell, the z-score of every cell over its 3×3 neighbourhood, and the polygons of
 * the cells with pins or |z| ≥ 1.645.
 */
export async function giStarReference(db: Kysely<Database>, p: { municipalityId: number; campaignId: number | null; cellSize: number }) {
  const size = sql`${p.cellSize}::float8`
  const { rows } = await sql<{ i: number; j: number; z: number; geometry: string }>`
    WITH area AS MATERIALIZED (SELECT ST_Transform(boundary, 3006) AS b FROM municipality WHERE municipality_id = ${p.municipalityId}),
    counts AS (
      SELECT floor(ST_X(g) / ${size})::integer AS i, floor(ST_Y(g) / ${size})::integer AS j, count(*)::float8 AS v
        FROM (SELECT ST_Transform(geom, 3006) AS g FROM pin
               WHERE municipality_id = ${p.municipalityId} AND moderation = 'published'
                 ${p.campaignId === null ? sql`` : sql`AND campaign_id = ${p.campaignId}`}) AS s
       GROUP BY 1, 2
    ),
    cells AS MATERIALIZED (
      SELECT coalesce(g.i, c.i) AS i, coalesce(g.j, c.j) AS j, coalesce(c.v, 0) AS v
        FROM (SELECT sq.i, sq.j FROM area, ST_SquareGrid(${size}, area.b) AS sq WHERE ST_Intersects(sq.geom, area.b)) AS g
        FULL JOIN counts AS c ON c.i = g.i AND c.j = g.j
    ),
    stats AS (SELECT count(*)::float8 AS n, avg(v) AS mean, sqrt(greatest(0, avg(v * v) - avg(v) ^ 2)) AS sd FROM cells),
    local AS (
      SELECT a.i, a.j, a.v, sum(b.v) AS s, count(*)::float8 AS k
        FROM cells AS a
       CROSS JOIN generate_series(-1, 1) AS di CROSS JOIN generate_series(-1, 1) AS dj
        JOIN cells AS b ON b.i = a.i + di AND b.j = a.j + dj
       GROUP BY a.i, a.j, a.v
    ),
    scored AS (
      SELECT l.i, l.j, l.v,
             CASE WHEN st.sd > 0 AND st.n > l.k THEN (l.s - st.mean * l.k) / (st.sd * sqrt((st.n * l.k - l.k * l.k) / (st.n - 1))) ELSE 0 END AS z
        FROM local AS l, stats AS st
    )
    SELECT i, j, z, ST_AsGeoJSON(ST_Transform(ST_MakeEnvelope(i * ${size}, j * ${size}, (i + 1) * ${size}, (j + 1) * ${size}, 3006), 4326), 7) AS geometry
      FROM scored WHERE v <> 0 OR abs(z) >= 1.645`.execute(db)
  return rows
}
