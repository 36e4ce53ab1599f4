// `pnpm dev`: the API with reload on change, and Vite with hot reload proxying /api to it.
import { spawn } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const env = { ...process.env, TRYGG_WEB_DIST: '' }
const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', path.join(root, 'apps/api/src/main.ts')], { cwd: root, stdio: 'inherit', env }),
  spawn('pnpm', ['--filter', '@trygg/web', 'dev'], { cwd: root, stdio: 'inherit', env }),
]
const stop = () => children.forEach((c) => c.kill('SIGTERM'))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop)
for (const c of children) c.on('exit', (code) => { stop(); process.exitCode = code ?? 0 })
