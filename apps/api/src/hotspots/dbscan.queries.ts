import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { pinWhere, type PinFilter } from './pin-filter.ts'

export interface DbscanParams {
  filter: PinFilter
  srid: number // metric SRID the distances are measured in
  eps: number // metres within which pins are neighbours
  minPoints: number // neighbours, the pin itself included, that make a core pin
  hullBuffer: number // metres added around each convex hull, so one or two pins still make a polygon
  /** Pins to count inside each hull for the trend; null skips the trend. */
  comparison: PinFilter | null
}

/** One pin of a cluster as the query returns it. */
export interface ClusterPinRow {
  id: number
  lon: number
  lat: number
  category_id: number
  severity: number
  times_of_day: number
  agreement_count: number
  status: 'received' | 'reviewed' | 'action_planned' | 'done' | 'not_done'
  campaign_id: number | null
  created_ms: number
}

export interface ClusterRow {
  /** WGS84 GeoJSON Polygon of the buffered convex hull. */
  hull: string
  centroid_lon: number
  centroid_lat: number
  pins: ClusterPinRow[]
  /** Pins of the selection covered by the hull (the cluster's own and any noise pins inside). */
  now: number
  /** Pins of the comparison covered by the hull; null without a comparison. */
  then: number | null
}

export interface DbscanAnalysis {
  /** Pins the filter selects, clustered or noise. */
  pinCount: number
  clusters: ClusterRow[]
}

/**
 * DBSCAN of the filtered pins with PostGIS `ST_ClusterDBSCAN` on their metric coordinates
 * (ties between clusters resolved in pin id order), one row per cluster: its buffered convex
 * hull, the centroid of its pins, the pins, and the pins inside the hull now and in the comparison.
 *
 * One statement does it all. Only `(id, metric point)` of the selected pins goes through the
 * clustering's sort, as in a plain DBSCAN query; the other columns are read by primary key for
 * the clustered pins alone. The selected pins inside each hull ("now") come from the clustered
 * set itself, joined to the hulls on 100 m grid cells (a hash join instead of one index probe per
 * hull); `ST_Covers` in the metric SRID decides. The comparison's pins inside a hull are found
 * through the spatial index of `pin.geom` (the hull's WGS84 envelope widened by 0.001°, about
 * 100 m, as a safe pre-filter), so that cost grows with the pins near each hull.
 */
export async function dbscanClusters(db: Kysely<Database>, q: DbscanParams): Promise<DbscanAnalysis> {
  const cell = sql`${JOIN_CELL}::float8`
  const { rows } = await sql<ClusterRow & { pin_count: number; cid: number | null }>`
    WITH clustered AS MATERIALIZED (
      SELECT s.id, s.g, (floor(ST_X(s.g) / ${cell})::bigint << 32 | (floor(ST_Y(s.g) / ${cell})::bigint & 4294967295)) AS k,
             ST_ClusterDBSCAN(s.g, ${q.eps}::float8, ${q.minPoints}::integer) OVER (ORDER BY s.id) AS cid
        FROM (SELECT p.id, ST_Transform(p.geom, ${q.srid}::integer) AS g FROM pin AS p WHERE ${pinWhere('p', q.filter)}) AS s
    ),
    cluster AS MATERIALIZED (
      SELECT c.cid,
             ST_Buffer(ST_ConvexHull(ST_Collect(c.g)), ${q.hullBuffer}::float8, 'quad_segs=4') AS area,
             ST_Transform(ST_Centroid(ST_Collect(c.g)), 4326) AS centre,
             json_agg(json_build_object(
               'id', p.id, 'lon', ST_X(p.geom), 'lat', ST_Y(p.geom), 'category_id', p.category_id, 'severity', p.severity,
               'times_of_day', p.times_of_day, 'agreement_count', p.agreement_count, 'status', p.status,
               'campaign_id', p.campaign_id, 'created_ms', floor(extract(epoch FROM p.created_at) * 1000)
             ) ORDER BY p.id) AS pins
        FROM clustered AS c
        JOIN pin AS p ON p.id = c.id AND p.municipality_id = ${q.filter.municipalityId}
       WHERE c.cid IS NOT NULL
       GROUP BY c.cid
    ),
    hull_cell AS MATERIALIZED (
      -- the keys (i << 32 | j as unsigned 32 bits) of the cells each hull's bbox touches; unnest of an array (not a join of two
      -- generate_series) lets the planner see a small set and hash it rather than sort every pin
      SELECT cl.cid, cl.area,
             unnest(ARRAY(SELECT i::bigint << 32 | (j::bigint & 4294967295)
                            FROM generate_series(floor(ST_XMin(cl.area) / ${cell})::integer, floor(ST_XMax(cl.area) / ${cell})::integer) AS i,
                                 generate_series(floor(ST_YMin(cl.area) / ${cell})::integer, floor(ST_YMax(cl.area) / ${cell})::integer) AS j)) AS k
        FROM cluster AS cl
    ),
    inside AS (
      SELECT h.cid, count(*)::integer AS now
        FROM hull_cell AS h
        JOIN clustered AS c ON c.k = h.k
       WHERE ST_Covers(h.area, c.g)
       GROUP BY h.cid
    )
    SELECT t.pin_count, c.cid, ST_AsGeoJSON(ST_Transform(c.area, 4326), 7) AS hull,
           ST_X(c.centre) AS centroid_lon, ST_Y(c.centre) AS centroid_lat,
           c.pins, coalesce(n.now, 0) AS now,
           ${q.comparison ? sql`(SELECT count(*) FROM pin AS o
             WHERE ${pinWhere('o', q.comparison)} AND o.geom && ST_Expand(ST_Envelope(ST_Transform(c.area, 4326)), 0.001)
               AND ST_Covers(c.area, ST_Transform(o.geom, ${q.srid}::integer)))::integer` : sql`NULL::integer`} AS then
      FROM (SELECT count(*)::integer AS pin_count FROM clustered) AS t
      LEFT JOIN cluster AS c ON true
      LEFT JOIN inside AS n ON n.cid = c.cid
     ORDER BY c.cid`.execute(db)
  const pinCount = rows[0]?.pin_count ?? 0
  const clusters = rows
    .filter((r) => r.cid !== null)
    .map(({ hull, centroid_lon, centroid_lat, pins, now, then }) => ({
      hull,
      centroid_lon,
      centroid_lat,
      pins: typeof pins === 'string' ? JSON.parse(pins) : pins,
      now,
      then,
    }))
  return { pinCount, clusters }
}

/** Side, metres, of the grid cells on which pins are matched to the hulls around them. */
const JOIN_CELL = 100
