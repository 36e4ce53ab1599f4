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

/**
 * DBSCAN of the filtered pins with PostGIS `ST_ClusterDBSCAN` on their metric coordinates
 * (ties between clusters resolved in pin id order), one row per cluster: its buffered convex
 * hull, the centroid of its pins, the pins, and the pins inside the hull now and in the comparison.
 * The pins inside a hull are found through the spatial index of `pin.geom` (the hull's WGS84
 * envelope, widened by 0.001°, about 100 m, as a safe pre-filter; `ST_Covers` in the metric
 * SRID decides), so the cost grows with the pins near each hull, not with all pins.
 */
export async function dbscanClusters(db: Kysely<Database>, q: DbscanParams): Promise<ClusterRow[]> {
  const { rows } = await sql<ClusterRow>`
    WITH selected AS MATERIALIZED (
      SELECT p.id, p.geom, ST_Transform(p.geom, ${q.srid}::integer) AS g, p.category_id, p.severity, p.times_of_day,
             p.agreement_count, p.status, p.campaign_id, p.created_at
        FROM pin AS p
       WHERE ${pinWhere('p', q.filter)}
    ),
    clustered AS (
      SELECT s.*, ST_ClusterDBSCAN(s.g, ${q.eps}::float8, ${q.minPoints}::integer) OVER (ORDER BY s.id) AS cid
        FROM selected AS s
    ),
    cluster AS (
      SELECT cid,
             ST_Buffer(ST_ConvexHull(ST_Collect(g)), ${q.hullBuffer}::float8, 'quad_segs=4') AS area,
             ST_Transform(ST_Centroid(ST_Collect(g)), 4326) AS centre,
             json_agg(json_build_object(
               'id', id, 'lon', ST_X(geom), 'lat', ST_Y(geom), 'category_id', category_id, 'severity', severity,
               'times_of_day', times_of_day, 'agreement_count', agreement_count, 'status', status,
               'campaign_id', campaign_id, 'created_ms', floor(extract(epoch FROM created_at) * 1000)
             ) ORDER BY id) AS pins
        FROM clustered
       WHERE cid IS NOT NULL
       GROUP BY cid
    )
    SELECT ST_AsGeoJSON(ST_Transform(c.area, 4326), 7) AS hull,
           ST_X(c.centre) AS centroid_lon, ST_Y(c.centre) AS centroid_lat,
           c.pins,
           (SELECT count(*) FROM pin AS s
             WHERE ${pinWhere('s', q.filter)} AND s.geom && c.search
               AND ST_Covers(c.area, ST_Transform(s.geom, ${q.srid}::integer)))::integer AS now,
           ${q.comparison ? sql`(SELECT count(*) FROM pin AS o
             WHERE ${pinWhere('o', q.comparison)} AND o.geom && c.search
               AND ST_Covers(c.area, ST_Transform(o.geom, ${q.srid}::integer)))::integer` : sql`NULL::integer`} AS then
      FROM (SELECT cl.*, ST_Expand(ST_Envelope(ST_Transform(cl.area, 4326)), 0.001) AS search FROM cluster AS cl) AS c
     ORDER BY c.cid`.execute(db)
  return rows.map((r) => ({ ...r, pins: typeof r.pins === 'string' ? JSON.parse(r.pins) : r.pins }))
}

/** How many pins the filter selects. */
export async function countPins(db: Kysely<Database>, filter: PinFilter): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::integer AS n FROM pin AS p WHERE ${pinWhere('p', filter)}`.execute(db)
  return rows[0]!.n
}
