import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { BENCH_SLUG } from './bench-db.ts'

export const ROOT = path.resolve(import.meta.dirname, '../..')

/** A running API process started the way `pnpm start` starts it. */
export interface AppProcess {
  url: string
  pid: number
  /** Milliseconds from spawn to the first healthy answer. */
  startMs: number
  /** Peak resident set size so far, MB (VmHWM). */
  peakRssMb(): number
  stop(): Promise<void>
}

export interface AppOptions {
  port: number
  /** PostgreSQL URL, or null for the embedded database in `dataDir`. */
  databaseUrl: string | null
  dataDir?: string
  demo?: boolean
  /** Serve the built web app from apps/web/dist. */
  web?: boolean
  env?: Record<string, string>
}

/** Starts `apps/api/src/main.ts` and waits until `/api/health` answers 200. */
export async function startApp(o: AppOptions): Promise<AppProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(o.port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    TRYGG_DEMO: o.demo ? '1' : '0',
    TRYGG_WEB_DIST: o.web ? path.join(ROOT, 'apps/web/dist') : '',
    // Benchmarks measure the app, not its abuse protection (the setting for ingest).
    TRYGG_ANTIBOT: 'off',
    TRYGG_RATE_LIMIT_PER_MIN: '0',
    ...o.env,
  }
  delete env.DATABASE_URL
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl
  if (!o.demo) env.TRYGG_MUNICIPALITY = BENCH_SLUG
  if (o.dataDir) env.TRYGG_DATA_DIR = o.dataDir
  const started = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'apps/api/src/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (d) => (output = (output + d).slice(-4000)))
  child.stderr!.on('data', (d) => (output = (output + d).slice(-4000)))
  const url = `http://127.0.0.1:${o.port}`
  await waitHealthy(url, child, () => output)
  const startMs = performance.now() - started
  let peak = 0
  const sample = () => {
    try {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8')
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
      peak = Math.max(peak, kb / 1024)
    } catch {
      // the process has ended; keep the last reading
    }
    return peak
  }
  return {
    url,
    pid: child.pid!,
    startMs,
    peakRssMb: sample,
    async stop() {
      sample()
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}

async function waitHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${output()}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25))
  }
  child.kill('SIGKILL')
  throw new Error(`the API did not become healthy within 180 s:\n${output()}`)
}
