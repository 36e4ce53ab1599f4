// Builds the web app when apps/web/dist is missing or older than its sources.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const dist = path.join(root, 'apps/web/dist/index.html')
const sources = ['apps/web/src', 'apps/web/public', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/domain/src', 'packages/geo/src']

function newest(p) {
  if (!fs.existsSync(p)) return 0
  const stat = fs.statSync(p)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...fs.readdirSync(p).map((name) => newest(path.join(p, name))))
}

export function ensureWebBuild() {
  const built = fs.existsSync(dist) ? fs.statSync(dist).mtimeMs : 0
  const changed = Math.max(...sources.map((s) => newest(path.join(root, s))))
  if (built >= changed) return false
  console.log('Building the web app…')
  execFileSync('pnpm', ['--filter', '@trygg/web', 'build'], { cwd: root, stdio: 'inherit' })
  fs.utimesSync(dist, new Date(), new Date())
  return true
}

if (import.meta.url === `file://${process.argv[1]}`) ensureWebBuild()
