import { execFile, execFileSync } from 'node:child_process'
import { promisify } from 'node:util'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Where PostgreSQL 15's server programs live (Debian layout); override with PG_BIN. */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'

export interface PrivatePostgres {
  /** Superuser URL of the cluster's `postgres` database. */
  url: string
  port: number
  start: () => Promise<void>
  /** `pg_ctl stop -m immediate`: the server dies at once, as in a crash or a power cut. */
  stop: () => Promise<void>
  dispose: () => void
  log: () => string
}

/** PostgreSQL refuses to run as root: run its programs as the `postgres` user then. */
function command(program: string, args: string[]): [string, string[]] {
  const isRoot = process.getuid?.() === 0
  return isRoot ? ['runuser', ['-u', 'postgres', '--', path.join(PG_BIN, program), ...args]] : [path.join(PG_BIN, program), args]
}

const runSync = (program: string, args: string[]) => execFileSync(...command(program, args), { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 })
const run = async (program: string, args: string[]) => void (await promisify(execFile)(...command(program, args), { timeout: 60_000 }))

/**
 * A throwaway PostgreSQL 15 cluster of its own (initdb, trust auth on 127.0.0.1, fsync off),
 * so a test can stop and start the server without touching the shared one.
 */
export function createPrivatePostgres(port: number): PrivatePostgres {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-pg-'))
  fs.chmodSync(dir, 0o777)
  const data = path.join(dir, 'data')
  const logFile = path.join(dir, 'server.log')
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir])
  runSync('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C'])
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=50`
  const startArgs = ['-D', data, '-o', options, '-l', logFile, '-w', '-t', '30', 'start']
  const stopArgs = ['-D', data, '-m', 'immediate', '-w', 'stop']
  runSync('pg_ctl', startArgs)
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: () => run('pg_ctl', startArgs),
    stop: () => run('pg_ctl', stopArgs),
    log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
    dispose() {
      try {
        runSync('pg_ctl', stopArgs)
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The first port for private clusters: `TRYGG_SYSTEM_PG_PORT` (default 5440). */
export const PRIVATE_PG_PORT = Number(process.env.TRYGG_SYSTEM_PG_PORT ?? 5440)
