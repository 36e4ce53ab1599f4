import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

export interface RunningApp {
  url: string
  output: () => string
  stop: () => Promise<void>
}

export interface StartOptions {
  /**
   * Operator commands (`pnpm trygg …` arguments) run on the new database before Trygg starts,
   * e.g. `[['seed-demo'], ['create-municipality', '--slug', 'lund', …]]`; their output is part
   * of `output()`. Default: none (Trygg creates the demo itself on its first start).
   */
  commands?: string[][]
}

/**
 * Starts Trygg as `pnpm start` does (the built web app and the API on one port) with a new
 * embedded database and the demo, and waits until /api/health answers. Proof-of-work and rate
 * limits are off unless `env` turns them on (tests of abuse protection do).
 */
export async function startApp(env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningApp> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-e2e-'))
  let log = ''
  for (const args of options.commands ?? []) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/cli.ts'), ...args], {
      cwd: root,
      env: { ...process.env, TRYGG_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
      encoding: 'utf8',
    })
    log += run.stdout + run.stderr
    if (run.status !== 0) throw new Error(`pnpm trygg ${args.join(' ')} failed:\n${log}`)
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TRYGG_DATA_DIR: dataDir, LOG_LEVEL: 'warn', TRYGG_ANTIBOT: 'off', TRYGG_RATE_LIMIT_PER_MIN: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => (log += d))
  child.stderr!.on('data', (d) => (log += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 240_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Trygg exited early:\n${log}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  if (Date.now() >= deadline) throw new Error(`Trygg did not start within 240 s:\n${log}`)
  return {
    url,
    output: () => log,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise((resolve) => child.once('exit', resolve))
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The password `startApp`'s first start printed for the demo account of `role`. */
export function demoPassword(output: string, role: string): string {
  const match = new RegExp(`${role}\\s+${role}@kavlinge\\.demo\\s+(\\S+)`).exec(output)
  if (!match) throw new Error(`No ${role} password in the start output:\n${output}`)
  return match[1]!
}
