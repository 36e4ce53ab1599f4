import crypto from 'node:crypto'
import fs from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { openDatabase, type Db, type Engine } from '../src/db/database.ts'
import { migrate } from '../src/db/migrate.ts'
import { pglitePool } from '../src/db/pglite-pool.ts'
import type { Database } from '../src/db/schema.ts'
import { ensurePgliteTemplate } from './pglite-template.ts'

/** The engines the data-layer tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']

export interface TestDb extends Db {
  /** The PostgreSQL URL of this test database (postgres engine only). */
  url: string | null
}

/** A new, migrated, empty database on the engine; `close` drops it. */
export async function openTestDb(engine: Engine): Promise<TestDb> {
  return engine === 'pglite' ? openPgliteCopy() : openPostgresCopy()
}

async function openPgliteCopy(): Promise<TestDb> {
  const file = await ensurePgliteTemplate()
  const pglite = await PGlite.create({
    extensions: { postgis },
    loadDataDir: new Blob([fs.readFileSync(file)]),
    parsers: { 20: (v: string) => Number(v) },
  })
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) })
  return {
    kysely,
    engine: 'pglite',
    url: null,
    script: (sql) => pglite.exec(sql).then(() => {}),
    close: () => kysely.destroy(),
  }
}

async function openPostgresCopy(): Promise<TestDb> {
  const adminUrl = process.env.TEST_DATABASE_URL!
  const name = `trygg_test_${crypto.randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 5 })
  await migrate(db)
  return {
    ...db,
    url: url.toString(),
    async close() {
      await db.close()
      const drop = new pg.Client({ connectionString: adminUrl })
      await drop.connect()
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await drop.end()
    },
  }
}
