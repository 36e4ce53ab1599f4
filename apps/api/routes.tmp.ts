import { buildApp } from '/work/main/apps/api/src/app.ts'
import { openTestDb } from '/work/main/apps/api/test/test-db.ts'
import { testConfig } from '/work/main/apps/api/test/fixtures.ts'
const db = await openTestDb('pglite')
const app = await buildApp({ config: testConfig(), db })
const doc = (await app.inject('/api/openapi.json')).json()
const rows: string[] = []
for (const [path, ops] of Object.entries<any>(doc.paths)) {
  for (const [method, op] of Object.entries<any>(ops)) {
    if (path.startsWith('/open311')) continue
    rows.push(`| \`${method.toUpperCase()} ${path}\` | ${op['x-roles'] ? op['x-roles'].join(', ') : 'public'} | ${(op.summary ?? '').replace(/\|/g, '\\|')} |`)
  }
}
console.log(rows.join('\n'))
await app.close(); await db.close()
