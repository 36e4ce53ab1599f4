import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { Kysely, PostgresDialect } from 'kysely'
import { migrate, readMigrations } from './migrate.ts'
import { pglitePool } from './pglite-pool.ts'
import type { Db } from './database.ts'
import type { Database } from './schema.ts'

/** Where `pnpm build` leaves the template the server starts new embedded databases from. */
export const TEMPLATE_DIR = path.resolve(import.meta.dirname, '../../dist')

const require = createRequire(import.meta.url)

function packageVersion(name: string): string {
  try {
    let dir = path.dirname(require.resolve(name))
    while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir)
    return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return 'unknown'
  }
}

/**
 * The file of a migrated, empty PGlite database in `dir`, named by what it depends on: the
 * migrations' content and the PGlite and PostGIS builds. A new migration or an upgrade of
 * either package names another file, so a stale template is never used.
 */
export function pgliteTemplatePath(dir = TEMPLATE_DIR): string {
  const hash = crypto.createHash('sha256')
  for (const m of readMigrations()) hash.update(m.version).update(m.sql)
  hash.update(packageVersion('@electric-sql/pglite')).update(packageVersion('@electric-sql/pglite-postgis'))
  return path.join(dir, `pglite-template-${hash.digest('hex').slice(0, 12)}.tar`)
}

/**
 * Writes the template unless it exists: a new in-memory PGlite with PostGIS, every migration
 * applied (initdb and PostGIS's `CREATE EXTENSION` are the slow part of a new embedded
 * database), dumped as an uncompressed tarball. Returns the file.
 */
export async function ensurePgliteTemplate(file = pgliteTemplatePath()): Promise<string> {
  if (fs.existsSync(file)) return file
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const pglite = await PGlite.create({ extensions: { postgis } })
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) })
  const db: Db = { kysely, engine: 'pglite', script: (sql) => pglite.exec(sql).then(() => {}), close: () => kysely.destroy() }
  try {
    await migrate(db)
    const dump = await pglite.dumpDataDir('none')
    const tmp = `${file}.${process.pid}`
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()))
    fs.renameSync(tmp, file)
  } finally {
    await db.close()
  }
  return file
}

/** Whether a PGlite data folder holds no database yet. */
export function isNewDataDir(dataDir: string): boolean {
  return !fs.existsSync(path.join(dataDir, 'PG_VERSION'))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now()
  const file = await ensurePgliteTemplate()
  console.log(`Embedded database template: ${path.relative(process.cwd(), file)} (${Math.round(performance.now() - started)} ms)`)
}
