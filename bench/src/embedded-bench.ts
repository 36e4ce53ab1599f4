import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BenchArgs } from './args.ts'
import { startApp } from './app-process.ts'
import { loadBenchData, loadedPostgres } from './bench-db.ts'
import { clusterP95ByZoom } from './cluster-timing.ts'
import { p95, printResult, printTable, progress, round, target } from './report.ts'
import { openDatabase } from '../../apps/api/src/db/database.ts'
import { ensurePgliteTemplate } from '../../apps/api/src/db/pglite-template.ts'

const PORT = 4103
const PG_PORT = 4104

/**
 * The embedded engine: cold start of `pnpm start` on a new data folder (the migrated empty
 * database that `pnpm build` leaves, the demo included) to the first healthy answer, warm start on the same folder, and the cluster
 * p95 over the same viewports on PGlite and on PostgreSQL holding the same pins.
 */
export async function run(args: BenchArgs): Promise<void> {
  const pins = args.pins ?? 100_000
  const perZoom = args.viewports ?? 200
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-bench-embedded-'))
  try {
    // Part of the production build (`pnpm build`), like the web app: made here when missing, not timed.
    const buildStarted = performance.now()
    const template = await ensurePgliteTemplate()
    progress(`embedded: database template ${path.basename(template)} ready (${Math.round(performance.now() - buildStarted)} ms, not timed)`)
    progress('embedded: cold start on a new data folder')
    const cold = await startApp({ port: PORT, databaseUrl: null, dataDir: path.join(dir, 'demo'), demo: true })
    await cold.stop()
    progress('embedded: warm start')
    const warm = await startApp({ port: PORT, databaseUrl: null, dataDir: path.join(dir, 'demo'), demo: true })
    await warm.stop()

    progress(`embedded: loading ${pins} pins into PGlite`)
    const loadedDir = path.join(dir, 'loaded')
    const lite = await openDatabase({ databaseUrl: null, dataDir: loadedDir, pgliteTemplate: template })
    await loadBenchData(lite, { count: pins })
    await lite.close()
    progress(`embedded: loading ${pins} pins into PostgreSQL`)
    const pg = await loadedPostgres('embedded', pins)
    let liteTimes: number[]
    let pgTimes: number[]
    try {
      progress(`embedded: ${perZoom} viewports per zoom on PGlite`)
      const liteApp = await startApp({ port: PORT, databaseUrl: null, dataDir: loadedDir })
      try {
        liteTimes = (await clusterP95ByZoom(liteApp.url, perZoom)).all
      } finally {
        await liteApp.stop()
      }
      progress(`embedded: ${perZoom} viewports per zoom on PostgreSQL`)
      const pgApp = await startApp({ port: PG_PORT, databaseUrl: pg.bench.url })
      try {
        pgTimes = (await clusterP95ByZoom(pgApp.url, perZoom)).all
      } finally {
        await pgApp.stop()
      }
    } finally {
      await pg.db.close()
      await pg.bench.drop()
    }
    const ratio = p95(liteTimes) / p95(pgTimes)
    printTable(`embedded: PGlite + PostGIS, ${pins} pins, ${perZoom} viewports per zoom 3–18`, ['measure', 'value', 'target', ''], [
      target('cold start, new data folder', cold.startMs, '<=', 12_000, ' ms'),
      target('warm start', warm.startMs, '<=', 5_000, ' ms'),
      ['cluster p95, PGlite', `${round(p95(liteTimes))} ms`, '', ''],
      ['cluster p95, PostgreSQL', `${round(p95(pgTimes))} ms`, '', ''],
      target('p95 ratio PGlite / PostgreSQL', ratio, '<=', 3, '×'),
    ])
    printResult({ bench: 'embedded', cold_start_ms: round(cold.startMs), warm_start_ms: round(warm.startMs), p95_ratio_vs_pg: round(ratio) })
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
