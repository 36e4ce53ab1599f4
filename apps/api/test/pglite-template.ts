import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { migrate, readMigrations } from '../src/db/migrate.ts'
import type { Db } from '../src/db/database.ts'

const TMP = path.resolve(import.meta.dirname, '../../../.tmp')

/** Path of a migrated PGlite data-dir dump, keyed by the migrations' content. */
export function templatePath(): string {
  const hash = crypto.createHash('sha256')
  for (const m of readMigrations()) hash.update(m.version).update(m.sql)
  return path.join(TMP, `pglite-template-${hash.digest('hex').slice(0, 12)}.tar`)
}

/**
 * Creates the migrated template once (PostGIS's CREATE EXTENSION is the slow part of a
 * fresh embedded database); each test file then opens its own copy of it in memory.
 */
export async function ensurePgliteTemplate(): Promise<string> {
  const file = templatePath()
  if (fs.existsSync(file)) return file
  fs.mkdirSync(TMP, { recursive: true })
  const pglite = await PGlite.create({ extensions: { postgis } })
  const db = { engine: 'pglite', script: (sql: string) => pglite.exec(sql).then(() => {}) } as unknown as Db
  const { Kysely, PostgresDialect } = await import('kysely')
  const { pglitePool } = await import('../src/db/pglite-pool.ts')
  db.kysely = new Kysely({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) })
  await migrate(db)
  const dump = await pglite.dumpDataDir('none')
  const tmp = `${file}.${process.pid}`
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()))
  fs.renameSync(tmp, file)
  await db.kysely.destroy()
  return file
}
