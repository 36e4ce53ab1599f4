// `pnpm bench:smoke`: runs every benchmark on 20,000 pins with short samples and fails when a
// benchmark fails or its last line is not the JSON object with exactly its keys. It checks
// that the benchmarks work, not their targets.
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const KEYS = {
  clusters: ['bench', 'pins', 'p95_ms_by_zoom', 'p95_ms_max', 'naive_z6_p95_ms', 'speedup_vs_naive_z6', 'first_view_ms', 'supercluster_first_view_ms', 'speedup_first_view', 'freshness_ms'],
  embedded: ['bench', 'cold_start_ms', 'warm_start_ms', 'p95_ratio_vs_pg'],
  hotspots: ['bench', 'pins', 'dbscan_ms', 'dbscan_ref_ms', 'gistar_ms', 'gistar_ref_ms', 'campaign_p95_ms'],
  ingest: ['bench', 'rps', 'reference_rps', 'ratio', 'p99_ms', 'errors', 'acknowledged', 'rows', 'rss_mb'],
  web: ['bench', 'entry_js_gzip_kb', 'lcp_ms', 'pan_p95_ms', 'markercluster_100k_load_ms'],
}
const SHORT = {
  clusters: ['--viewports', '10'],
  embedded: ['--viewports', '5'],
  hotspots: [],
  ingest: ['--duration', '3'],
  web: ['--viewports', '3'],
}

const failures = []
for (const [name, keys] of Object.entries(KEYS)) {
  const started = Date.now()
  const run = spawnSync('pnpm', ['--silent', 'bench', name, '--pins', '20000', ...SHORT[name]], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  process.stdout.write(run.stdout)
  const last = run.stdout.trim().split('\n').at(-1) ?? ''
  let problem = run.status === 0 ? null : `exited with ${run.status}`
  if (!problem) {
    try {
      const result = JSON.parse(last)
      const got = Object.keys(result)
      if (got.join() !== keys.join()) problem = `keys ${got.join(', ')} instead of ${keys.join(', ')}`
      else if (result.bench !== name) problem = `bench is "${result.bench}"`
      else if (Object.values(result).some((v) => v === null)) problem = `a value is missing: ${last}`
    } catch {
      problem = `last line is not JSON: ${last.slice(0, 200)}`
    }
  }
  console.log(`\nsmoke ${name}: ${problem ?? 'ok'} (${seconds} s)\n`)
  if (problem) failures.push(`${name}: ${problem}`)
}
if (failures.length) {
  console.error(`bench:smoke failed:\n  ${failures.join('\n  ')}`)
  process.exit(1)
}
console.log('bench:smoke: every benchmark ran')
