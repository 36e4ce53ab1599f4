// `pnpm test`: every suite that the environment turns on, then a summary whose last lines
// say what failed.
//   always:                 unit (packages, fixtures) and api on the embedded database
//   TEST_DATABASE_URL=url   the api suite also on PostgreSQL + PostGIS (a superuser URL; each
//                           test file creates and drops its own database)
//   TEST_BROWSER=1          the Chromium suite (CHROMIUM_PATH, default /usr/bin/chromium)
//   TEST_SYSTEM=1           the system suite: crash, database outage and load tests against the
//                           real server process (short setting; TEST_SYSTEM=full for the full one).
//                           It runs after the others, alone, so its timings are its own.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ensureWebBuild } from './ensure-web-build.mjs'

const root = path.resolve(import.meta.dirname, '..')
const browser = ['1', 'true', 'on'].includes((process.env.TEST_BROWSER ?? '').toLowerCase())
const system = ['1', 'true', 'on', 'full'].includes((process.env.TEST_SYSTEM ?? '').toLowerCase())
const extra = process.argv.slice(2)
const chosen = extra.includes('--project')
const runs = chosen ? [extra] : [['--project', 'unit', '--project', 'api', ...(browser ? ['--project', 'e2e'] : []), ...extra], ...(system ? [['--project', 'system', ...extra]] : [])]

console.log(`Suites: ${chosen ? 'as given' : ['unit', 'api', ...(browser ? ['e2e'] : []), ...(system ? ['system'] : [])].join(', ')}; PostgreSQL: ${process.env.TEST_DATABASE_URL ? 'on' : 'off (set TEST_DATABASE_URL)'}; browser: ${browser ? 'on' : 'off (set TEST_BROWSER=1)'}; system: ${system ? process.env.TEST_SYSTEM : 'off (set TEST_SYSTEM=1)'}`)
if (browser) ensureWebBuild()

const totals = { passed: 0, failed: 0, skipped: 0 }
const failures = []
let status = 0
runs.forEach((args, i) => {
  const report = path.join(root, `.tmp/vitest-report-${i}.json`)
  fs.mkdirSync(path.dirname(report), { recursive: true })
  fs.rmSync(report, { force: true })
  const run = spawnSync('pnpm', ['exec', 'vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { cwd: root, stdio: 'inherit', env: process.env })
  if (run.status !== 0) status = run.status ?? 1
  if (!fs.existsSync(report)) {
    failures.push(`  FAILED vitest ${args.join(' ')} (no report was written)`)
    return
  }
  const r = JSON.parse(fs.readFileSync(report, 'utf8'))
  failures.push(
    ...r.testResults.flatMap((file) =>
      file.assertionResults.filter((a) => a.status === 'failed').map((a) => `  FAILED ${path.relative(root, file.name)} > ${a.fullName}`),
    ),
  )
  const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).map((f) => `  FAILED ${path.relative(root, f.name)} (did not run: ${(f.message ?? '').split('\n')[0]})`)
  failures.push(...brokenFiles)
  totals.passed += r.numPassedTests
  totals.failed += r.numFailedTests + brokenFiles.length
  totals.skipped += r.numPendingTests + r.numTodoTests
})

if (failures.length) console.log(`\nFailures:\n${failures.join('\n')}`)
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(status)
