import { spawn } from 'node:child_process'
import path from 'node:path'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import type { BenchArgs } from './args.ts'
import { ROOT, startApp } from './app-process.ts'
import { loadedPostgres } from './bench-db.ts'
import { pinStream } from './generate-pins.ts'
import { printResult, printTable, progress, round, target } from './report.ts'
import type { Db } from '../../apps/api/src/db/database.ts'

const PORT = 4106
const BARE_PORT = 4107
const CONNECTIONS = 100

interface LoadResult {
  rps: number
  p99: number
  errors: number
  acknowledged: number
  rows: number
  /** Acknowledged ids found in the table afterwards; equals `acknowledged` unless a write was lost. */
  durable: number
}

/**
 * `POST /api/pins` under autocannon (100 connections) against a bare Fastify + pg server doing
 * one INSERT per request into the same table, in the same run. The API has no anti-bot checks
 * or rate limits on pin creation, so none need switching off.
 */
export async function run(args: BenchArgs): Promise<void> {
  const pins = args.pins ?? 1_000_000
  const duration = args.duration ?? 30
  progress(`ingest: loading ${pins} pins into PostgreSQL`)
  const { bench, db, data } = await loadedPostgres('ingest', pins)
  try {
    progress(`ingest: the API, ${CONNECTIONS} connections, ${duration} s`)
    const app = await startApp({ port: PORT, databaseUrl: bench.url })
    let api: LoadResult
    let rss: number
    try {
      api = await load(db, `${app.url}/api/pins`, duration, 'web')
      rss = app.peakRssMb()
    } finally {
      await app.stop()
    }
    rss = Math.max(rss, app.peakRssMb())

    progress(`ingest: the bare Fastify + pg server, ${duration} s`)
    const bare = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/src/bare-server.ts')], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, BARE_DATABASE_URL: bench.url, BARE_PORT: String(BARE_PORT), BARE_MUNICIPALITY_ID: String(data.municipalityId), BARE_CATEGORY_ID: String(data.categoryIds[2]) },
    })
    let reference: LoadResult
    try {
      await waitFor(`http://127.0.0.1:${BARE_PORT}/health`)
      reference = await load(db, `http://127.0.0.1:${BARE_PORT}/pins`, duration, 'import')
    } finally {
      bare.kill('SIGTERM')
    }
    const ratio = api.rps / reference.rps
    printTable(`ingest: ${CONNECTIONS} connections, ${duration} s each, ${data.pins} pins loaded`, ['server', 'req/s', 'p99 ms', 'errors', '201s', '201s stored', 'rows', 'unanswered at cut-off'], [
      ['API POST /api/pins', round(api.rps), api.p99, api.errors, api.acknowledged, api.durable, api.rows, api.rows - api.durable],
      ['bare Fastify + pg INSERT', round(reference.rps), reference.p99, reference.errors, reference.acknowledged, reference.durable, reference.rows, reference.rows - reference.durable],
    ])
    console.log('Rows beyond the 201s are requests still in flight when autocannon stopped at the end of the run: written, never answered.')
    printTable('ingest: targets', ['measure', 'value', 'target', ''], [
      target('throughput vs bare', ratio, '>=', 0.6, '×'),
      target('p99', api.p99, '<=', 50, ' ms'),
      target('errors', api.errors, '<=', 0),
      ['rows = 201 answers', `${api.rows} / ${api.acknowledged}`, 'equal', api.rows === api.acknowledged ? 'met' : 'MISSED'],
      ['every 201 stored', `${api.durable} / ${api.acknowledged}`, 'equal', api.durable === api.acknowledged ? 'met' : 'MISSED'],
      target('API peak RSS', rss, '<=', 300, ' MB'),
    ])
    printResult({
      bench: 'ingest',
      rps: round(api.rps),
      reference_rps: round(reference.rps),
      ratio: round(ratio),
      p99_ms: api.p99,
      errors: api.errors,
      acknowledged: api.acknowledged,
      rows: api.rows,
      rss_mb: round(rss),
    })
  } finally {
    await db.close()
    await bench.drop()
  }
}

/** Runs autocannon against `url` with generated pins; counts 201s and the rows written. */
async function load(db: Db, url: string, duration: number, source: 'web' | 'import'): Promise<LoadResult> {
  const before = await maxId(db)
  const stream = pinStream({ seed: 99, count: Number.MAX_SAFE_INTEGER })
  const ids: number[] = []
  let done: (error: Error | null, result: autocannon.Result) => void = () => {}
  const finished = new Promise<autocannon.Result>((resolve, reject) => (done = (error, result) => (error ? reject(error) : resolve(result))))
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const p = stream.next().value!
          return { ...req, body: JSON.stringify({ lat: p.lat, lon: p.lon, category: 'lighting', severity: p.severity, timesOfDay: ['evening'] }) }
        },
        onResponse: (status, body) => {
          if (status === 201) ids.push((JSON.parse(body) as { id: number }).id)
        },
      },
    ],
  }, (error, result) => done(error, result))
  void instance
  const result = await finished
  const { rows } = await sql<{ n: number }>`SELECT count(*)::integer AS n FROM pin WHERE id > ${before} AND source = ${source}`.execute(db.kysely)
  const found = await sql<{ n: number }>`SELECT count(*)::integer AS n FROM pin WHERE id IN (SELECT unnest(${`{${ids.join(',')}}`}::bigint[]))`.execute(db.kysely)
  return {
    rps: result.requests.total / result.duration,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    acknowledged: ids.length,
    rows: rows[0]!.n,
    durable: found.rows[0]!.n,
  }
}

async function maxId(db: Db): Promise<number> {
  const { rows } = await sql<{ id: number }>`SELECT coalesce(max(id), 0)::bigint AS id FROM pin`.execute(db.kysely)
  return Number(rows[0]!.id)
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`${url} did not answer`)
}
