import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../../../..')

export interface ApiProcess {
  url: string
  child: ChildProcess
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string
  /** SIGKILL: no shutdown hook runs, in-flight requests are cut. */
  kill: () => Promise<void>
  /** SIGTERM and wait for the exit. */
  stop: () => Promise<void>
}

export interface ApiProcessOptions {
  port: number
  /** Extra environment: DATABASE_URL or TRYGG_DATA_DIR, TRYGG_RETENTION_DAYS, … */
  env: Record<string, string>
  /** How long to wait for /api/health to answer 200. */
  startTimeoutMs?: number
}

/**
 * Starts the real server (`apps/api/src/main.ts` through tsx, as `pnpm start` does) without the
 * demo or the web app and waits until /api/health answers 200.
 */
export async function startApi({ port, env, startTimeoutMs = 60_000 }: ApiProcessOptions): Promise<ApiProcess> {
  let log = ''
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TRYGG_DEMO: '0', TRYGG_WEB_DIST: '', LOG_LEVEL: 'warn',
      // The traffic comes from one address and writes without proof-of-work, as for a trusted
      // network; the abuse protection has tests of its own.
      TRYGG_ANTIBOT: 'off', TRYGG_RATE_LIMIT_PER_MIN: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => (log += d))
  child.stderr!.on('data', (d) => (log += d))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + startTimeoutMs
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The API exited early:\n${log}`)
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`The API did not answer /api/health within ${startTimeoutMs} ms:\n${log}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    await exited
  }
  return { url, child, output: () => log, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') }
}

/** The port for a system test: `TRYGG_SYSTEM_PORT_BASE` (default 4151) plus an offset per test file. */
export function systemPort(offset: number): number {
  return Number(process.env.TRYGG_SYSTEM_PORT_BASE ?? 4151) + offset
}

/** The system tests' size: `TEST_SYSTEM=full` runs the documented full setting, anything else the short CI one. */
export const FULL = (process.env.TEST_SYSTEM ?? '').toLowerCase() === 'full'
