// `pnpm test`: every suite that the environment turns on, then a summary whose last lines
// say what failed.
//   always:                 unit (packages, fixtures) and api on the embedded database
//   TEST_DATABASE_URL=url   the api suite also on PostgreSQL + PostGIS (a superuser URL; each
//                           test file creates and drops its own database)
//   TEST_BROWSER=1          the Chromium suite (CHROMIUM_PATH, default /usr/bin/chromium)
//   TEST_SYSTEM=1           the system suite: crash, database outage and load tests against the
//                           real server process (short setting; TEST_SYSTEM=full for the full one)
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ensureWebBuild } from './ensure-web-build.mjs'

const root = path.resolve(import.meta.dirname, '..')
const browser = ['1', 'true', 'on'].includes((process.env.TEST_BROWSER ?? '').toLowerCase())
const system = ['1', 'true', 'on', 'full'].includes((process.env.TEST_SYSTEM ?? '').toLowerCase())
const chosen = process.argv.slice(2).includes('--project')
const projects = chosen ? [] : ['unit', 'api', ...(system ? ['system'] : []), ...(browser ? ['e2e'] : [])]
const report = path.join(root, '.tmp/vitest-report.json')
fs.mkdirSync(path.dirname(report), { recursive: true })
fs.rmSync(report, { force: true })

console.log(`Suites: ${chosen ? 'as given' : projects.join(', ')}; PostgreSQL: ${process.env.TEST_DATABASE_URL ? 'on' : 'off (set TEST_DATABASE_URL)'}; browser: ${browser ? 'on' : 'off (set TEST_BROWSER=1)'}; system: ${system ? process.env.TEST_SYSTEM : 'off (set TEST_SYSTEM=1)'}`)
if (browser) ensureWebBuild()

const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]
const run = spawnSync('pnpm', ['exec', ...args], { cwd: root, stdio: 'inherit', env: process.env })

let summary = 'tests: no report was written'
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'))
  const failed = r.testResults.flatMap((file) =>
    file.assertionResults.filter((a) => a.status === 'failed').map((a) => `  FAILED ${path.relative(root, file.name)} > ${a.fullName}`),
  )
  const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).map((f) => `  FAILED ${path.relative(root, f.name)} (did not run: ${(f.message ?? '').split('\n')[0]})`)
  if (failed.length || brokenFiles.length) console.log(`\nFailures:\n${[...failed, ...brokenFiles].join('\n')}`)
  summary = `tests: ${r.numPassedTests} passed, ${r.numFailedTests + brokenFiles.length} failed, ${r.numPendingTests + r.numTodoTests} skipped`
}
console.log(`\n${summary}`)
process.exit(run.status ?? 1)
