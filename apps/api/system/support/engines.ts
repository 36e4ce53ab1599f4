import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { openDatabase, type Db, type Engine } from '../../src/db/database.ts'
import { migrate } from '../../src/db/migrate.ts'
import { seedTestMunicipality } from '../../test/fixtures.ts'
import { ensurePgliteTemplate } from '../../test/pglite-template.ts'
import { openTestDb, type TestDb } from '../../test/test-db.ts'

/** A database the server process runs on: its environment, a way to open it from the test, and cleanup. */
export interface ServerDb {
  engine: Engine
  /** DATABASE_URL or TRYGG_DATA_DIR for the server process. */
  env: Record<string, string>
  /** Opens the database from the test (for PGlite only while no server runs on it). */
  open: () => Promise<Db>
  dispose: () => Promise<void>
}

/**
 * A new migrated database holding the test municipality, on disk for PGlite (so a killed
 * process leaves a real data folder behind) or a fresh PostgreSQL database.
 */
export async function serverDb(engine: Engine): Promise<ServerDb> {
  if (engine === 'postgres') {
    const test: TestDb = await openTestDb('postgres')
    await seedTestMunicipality(test.kysely)
    const url = test.url!
    return {
      engine,
      env: { DATABASE_URL: url },
      open: async () => openDatabase({ databaseUrl: url, dataDir: '', poolSize: 2 }),
      dispose: () => test.close(),
    }
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-system-'))
  const template = await ensurePgliteTemplate()
  // Start from the migrated template rather than creating PostGIS again (the slow part).
  const pglite = await PGlite.create({ dataDir, extensions: { postgis }, loadDataDir: new Blob([fs.readFileSync(template)]) })
  await pglite.close()
  const db = await openDatabase({ databaseUrl: null, dataDir })
  await migrate(db)
  await seedTestMunicipality(db.kysely)
  await db.close()
  return {
    engine,
    env: { TRYGG_DATA_DIR: dataDir },
    open: () => openDatabase({ databaseUrl: null, dataDir }),
    dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  }
}

/** The engines the system tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const SYSTEM_ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']

/** A small seeded PRNG (mulberry32) so a failing run can be repeated with its printed seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
