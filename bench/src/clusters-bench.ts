import http from 'node:http'
import Supercluster, { type PointFeature } from 'supercluster'
import { sql } from 'kysely'
import type { BenchArgs } from './args.ts'
import { startApp } from './app-process.ts'
import { loadedPostgres } from './bench-db.ts'
import { clusterP95ByZoom, clustersUrl, countAt, ZOOMS } from './cluster-timing.ts'
import { request } from './http.ts'
import { median, p95, printResult, printTable, progress, round, target } from './report.ts'
import { bboxParam, viewportBbox, viewportCentres, metresPerPixel } from './viewports.ts'
import { TOWNS, SWEDEN_BBOX } from './generate-pins.ts'
import type { Db } from '../../apps/api/src/db/database.ts'

const PORT = 4101
const FILE_PORT = 4102
/** The map's first view for a new visitor: the whole area at the municipality's default zoom. */
const FIRST_VIEW = { centre: [(SWEDEN_BBOX[0] + SWEDEN_BBOX[2]) / 2, (SWEDEN_BBOX[1] + SWEDEN_BBOX[3]) / 2], zoom: 5 }

export async function run(args: BenchArgs): Promise<void> {
  const pins = args.pins ?? 1_000_000
  const perZoom = args.viewports ?? 2000
  progress(`clusters: loading ${pins} pins into PostgreSQL`)
  const { bench, db, data } = await loadedPostgres('clusters', pins)
  let app
  try {
    app = await startApp({ port: PORT, databaseUrl: bench.url })
    progress(`clusters: ${perZoom} viewports at each of zooms ${ZOOMS[0]}–${ZOOMS.at(-1)}`)
    const { byZoom } = await clusterP95ByZoom(app.url, perZoom)
    const p95Max = Math.max(...Object.values(byZoom))

    progress('clusters: naive ST_SnapToGrid at zoom 6')
    const naive = await naiveZ6(db, data.municipalityId, Math.min(perZoom, 30))
    const oursZ6 = byZoom[6]!

    progress('clusters: first view, server and client-side')
    const firstView = await serverFirstView(app.url)
    const superFirstView = await superclusterFirstView(db, data.municipalityId)

    progress('clusters: freshness')
    const freshness = await freshnessMs(app.url)

    printTable(`clusters: ${pins} pins, ${perZoom} viewports of 1280×800 px per zoom, p95 ms`, ['zoom', 'p95 ms'], ZOOMS.map((z) => [String(z), round(byZoom[z]!)]))
    printTable('clusters: targets', ['measure', 'value', 'target', ''], [
      target('p95 per viewport, worst zoom', p95Max, '<=', 10, ' ms'),
      ['naive ST_SnapToGrid z6 p95', `${round(naive)} ms`, '', ''],
      target('speed-up vs naive at z6', naive / oursZ6, '>=', 30, '×'),
      ['first view, server clusters', `${round(firstView)} ms`, '', ''],
      ['first view, all pins + supercluster', `${round(superFirstView)} ms`, '', ''],
      target('speed-up of the first view', superFirstView / firstView, '>=', 50, '×'),
      target('new pin counted at every zoom', freshness, '<=', 1000, ' ms'),
    ])
    printResult({
      bench: 'clusters',
      pins: data.pins,
      p95_ms_by_zoom: Object.fromEntries(Object.entries(byZoom).map(([z, v]) => [z, round(v)])),
      p95_ms_max: round(p95Max),
      naive_z6_p95_ms: round(naive),
      speedup_vs_naive_z6: round(naive / oursZ6),
      first_view_ms: round(firstView),
      supercluster_first_view_ms: round(superFirstView),
      speedup_first_view: round(superFirstView / firstView),
      freshness_ms: round(freshness),
    })
  } finally {
    await app?.stop()
    await db.close()
    await bench.drop()
  }
}

/**
 * The usual per-request clustering: snap every pin in the viewport to a grid of the zoom's
 * cell size with ST_SnapToGrid and group, straight on the pin table through its spatial index.
 */
async function naiveZ6(db: Db, municipalityId: number, samples: number): Promise<number> {
  const size = 60 * metresPerPixel(6)
  const times: number[] = []
  const centres = viewportCentres(samples, 11)
  // Every pooled connection loads its projection tables once, before timing.
  await Promise.all(Array.from({ length: 10 }, () => sql`SELECT ST_Transform(ST_SetSRID(ST_MakePoint(15, 60), 4326), 3857)`.execute(db.kysely)))
  for (const c of centres) {
    const [minLon, minLat, maxLon, maxLat] = viewportBbox(c, 6)
    const started = performance.now()
    await sql`
      SELECT ST_AsGeoJSON(ST_Transform(ST_Centroid(ST_Collect(g)), 4326)) AS centre, count(*) AS n,
             min(id) AS sample
        FROM (SELECT ST_Transform(geom, 3857) AS g, category_id, id FROM pin
               WHERE municipality_id = ${municipalityId} AND moderation = 'published'
                 AND geom && ST_MakeEnvelope(${minLon}, ${minLat}, ${maxLon}, ${maxLat}, 4326)) AS s
       GROUP BY ST_SnapToGrid(g, ${size}::float8), category_id`.execute(db.kysely)
    times.push(performance.now() - started)
  }
  return p95(times)
}

/** A new visitor's first clustered view: a new connection, the request, the parse. Median of 5. */
async function serverFirstView(baseUrl: string): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const started = performance.now()
    const res = await request(clustersUrl(baseUrl, FIRST_VIEW.centre, FIRST_VIEW.zoom), { fresh: true })
    if (res.status !== 200) throw new Error(`clusters: ${res.status}`)
    JSON.parse(res.body)
    times.push(performance.now() - started)
  }
  return median(times)
}

/**
 * The client-side path: download every public pin as GeoJSON (served ready-made from memory,
 * the cheapest way to serve it), parse, supercluster `load` (radius 60 px, max zoom 16), then
 * `getClusters` for the same first view.
 */
async function superclusterFirstView(db: Db, municipalityId: number): Promise<number> {
  const { rows } = await sql<{ doc: string }>`
    SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
             'type', 'Feature', 'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(ST_X(p.geom), ST_Y(p.geom))),
             'properties', json_build_object('id', p.id, 'category', c.key)) ORDER BY p.id), '[]'::json))::text AS doc
      FROM pin AS p JOIN category AS c ON c.municipality_id = p.municipality_id AND c.id = p.category_id
     WHERE p.municipality_id = ${municipalityId} AND p.moderation = 'published' AND NOT c.sensitive`.execute(db.kysely)
  const doc = Buffer.from(rows[0]!.doc)
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/geo+json', 'content-length': doc.length }).end(doc))
  await new Promise<void>((resolve) => server.listen(FILE_PORT, '127.0.0.1', resolve))
  try {
    const started = performance.now()
    const res = await request(`http://127.0.0.1:${FILE_PORT}/pins.geojson`, { fresh: true })
    const fc = JSON.parse(res.body) as { features: PointFeature<{ id: number }>[] }
    const index = new Supercluster({ radius: 60, maxZoom: 16 }).load(fc.features)
    index.getClusters(viewportBbox(FIRST_VIEW.centre, FIRST_VIEW.zoom), FIRST_VIEW.zoom)
    return performance.now() - started
  } finally {
    server.close()
  }
}

/**
 * Posts pins in towns and, from each 201, polls the clusters of the pin's own cell at every
 * zoom 0–20 until each counts it. Returns the slowest of 10 trials, ms.
 */
async function freshnessMs(baseUrl: string): Promise<number> {
  const zooms = Array.from({ length: 21 }, (_, z) => z)
  const worst: number[] = []
  for (let trial = 0; trial < 10; trial++) {
    const town = TOWNS[trial % TOWNS.length]!
    const lon = town.lon + 0.0011 * trial
    const lat = town.lat + 0.0007 * trial
    const bbox = bboxParam([lon, lat, lon, lat])
    const before = await Promise.all(zooms.map((z) => countAt(baseUrl, bbox, z)))
    const res = await request(`${baseUrl}/api/pins`, { method: 'POST', body: { lat, lon, category: 'lighting', severity: 3, timesOfDay: ['evening'] } })
    if (res.status !== 201) throw new Error(`POST /api/pins: ${res.status} ${res.body}`)
    const acknowledged = performance.now()
    const pending = new Set(zooms)
    while (pending.size) {
      if (performance.now() - acknowledged > 10_000) throw new Error(`a new pin was not counted at zooms ${[...pending].join(', ')} within 10 s`)
      const counts = await Promise.all([...pending].map(async (z) => [z, await countAt(baseUrl, bbox, z)] as const))
      for (const [z, n] of counts) if (n >= before[z]! + 1) pending.delete(z)
    }
    worst.push(performance.now() - acknowledged)
  }
  return Math.max(...worst)
}
