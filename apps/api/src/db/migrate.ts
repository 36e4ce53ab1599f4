import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import type { Db } from './database.ts'

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../../migrations')

/** Any number that no other advisory lock in the schema uses. */
const MIGRATION_LOCK = 740_311

export interface Migration {
  version: string
  sql: string
}

/** The numbered SQL files of `dir`, in order: `0001_name.sql`, `0002_name.sql`, … */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: fs.readFileSync(path.join(dir, f), 'utf8') }))
}

async function appliedVersions(db: Db): Promise<Set<string>> {
  await db.script('CREATE TABLE IF NOT EXISTS schema_migration (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())')
  const { rows } = await sql<{ version: string }>`SELECT version FROM schema_migration`.execute(db.kysely)
  return new Set(rows.map((r) => r.version))
}

/**
 * Applies every migration not yet recorded in `schema_migration`, each in its own transaction
 * together with its record. Instances starting at once serialise on an advisory lock; the
 * loser finds the version recorded and moves on. Returns the versions it applied.
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  let applied = await appliedVersions(db)
  const done: string[] = []
  for (const m of migrations) {
    if (applied.has(m.version)) continue
    try {
      await db.script(
        `BEGIN;\nSELECT pg_advisory_xact_lock(${MIGRATION_LOCK});\n${m.sql}\n;INSERT INTO schema_migration (version) VALUES ('${m.version}');\nCOMMIT;`,
      )
      done.push(m.version)
    } catch (error) {
      applied = await appliedVersions(db)
      if (!applied.has(m.version)) throw new Error(`Migration ${m.version} failed: ${(error as Error).message}`, { cause: error })
    }
  }
  return done
}
