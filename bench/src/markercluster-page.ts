import fs from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pinStream } from './generate-pins.ts'

const require = createRequire(import.meta.url)

/**
 * Serves the reference page: Leaflet with Leaflet.markercluster, the same tile stand-in, and
 * `count` raw points fetched as JSON and added with `addLayers`. The page sets
 * `window.__loadMs` (fetch to the clusters painted) when done.
 */
export async function serveMarkerclusterPage(port: number, tileUrl: string, count: number): Promise<{ url: string; close: () => Promise<void> }> {
  const leafletDir = path.dirname(require.resolve('leaflet/package.json'))
  const mcDir = path.dirname(require.resolve('leaflet.markercluster/package.json'))
  const files: Record<string, [string, string]> = {
    '/leaflet.js': [path.join(leafletDir, 'dist/leaflet.js'), 'text/javascript'],
    '/leaflet.css': [path.join(leafletDir, 'dist/leaflet.css'), 'text/css'],
    '/markercluster.js': [path.join(mcDir, 'dist/leaflet.markercluster.js'), 'text/javascript'],
    '/markercluster.css': [path.join(mcDir, 'dist/MarkerCluster.css'), 'text/css'],
    '/markercluster-default.css': [path.join(mcDir, 'dist/MarkerCluster.Default.css'), 'text/css'],
  }
  const points = JSON.stringify([...pinStream({ seed: 2026, count })].map((p) => [p.lat, p.lon]))
  const page = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/leaflet.css"><link rel="stylesheet" href="/markercluster.css"><link rel="stylesheet" href="/markercluster-default.css">
<style>html,body,#map{margin:0;height:100%}</style></head><body><div id="map"></div>
<script src="/leaflet.js"></script><script src="/markercluster.js"></script>
<script>
const map = L.map('map').setView([62.2, 17.6], 5);
L.tileLayer(${JSON.stringify(tileUrl)}).addTo(map);
const started = performance.now();
fetch('/points.json').then((r) => r.json()).then((pts) => {
  const group = L.markerClusterGroup({ chunkedLoading: false });
  group.addLayers(pts.map((p) => L.marker(p)));
  map.addLayer(group);
  requestAnimationFrame(() => requestAnimationFrame(() => { window.__loadMs = performance.now() - started; }));
});
</script></body></html>`
  const server = http.createServer((req, res) => {
    const file = files[req.url ?? '']
    if (file) return res.writeHead(200, { 'content-type': file[1] }).end(fs.readFileSync(file[0]))
    if (req.url === '/points.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(points)
    if (req.url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page)
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
