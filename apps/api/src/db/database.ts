import fs from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { pglitePool } from './pglite-pool.ts'
import { isNewDataDir } from './pglite-template.ts'
import type { Database } from './schema.ts'

export type Engine = 'pglite' | 'postgres'

/** An open database: Kysely for queries, `script` for multi-statement SQL such as migrations. */
export interface Db {
  kysely: Kysely<Database>
  engine: Engine
  /** Runs SQL that may hold several statements, without parameters. */
  script(sql: string): Promise<void>
  close(): Promise<void>
}

export interface DbOptions {
  /** PostgreSQL URL; null opens PGlite. */
  databaseUrl: string | null
  /** PGlite data folder; `memory://` keeps the database in memory. */
  dataDir: string
  /** Pool size for PostgreSQL. */
  poolSize?: number
  /**
   * PostgreSQL only: longest a query may run before the server cancels it (and the client gives
   * up 5 s later, should the server not answer at all). Scripts such as migrations are exempt.
   * Unset: no limit (operator commands); the server passes STATEMENT_TIMEOUT_MS.
   */
  statementTimeoutMs?: number
  /**
   * PGlite only: a migrated, empty database dump (see pglite-template.ts) that a new data folder
   * starts from instead of initdb and the migrations; used when the file exists.
   */
  pgliteTemplate?: string
}

const INT8 = 20

/** The server's limit on one SQL statement on PostgreSQL (see DbOptions.statementTimeoutMs). */
export const STATEMENT_TIMEOUT_MS = 30_000

/** int8 (counts, ids) as JS numbers on both engines; our ids stay far below 2^53. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format)
  },
}

/** Opens PostgreSQL through `pg` when a URL is given, else the embedded PGlite with PostGIS. */
export async function openDatabase(options: DbOptions): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10, options.statementTimeoutMs) : openPglite(options.dataDir, options.pgliteTemplate)
}

async function openPostgres(url: string, max: number, statementTimeoutMs: number | undefined): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: pgTypes,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // A query the server does not answer (network split, frozen server) fails instead of
    // holding its request and its pool slot forever; the server also cancels long statements.
    ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs, query_timeout: statementTimeoutMs + 5_000 } : {}),
  })
  // A client losing its server (restart, outage) must not crash the process: an idle one is
  // reported on the pool, a checked-out one on itself. Its query fails (the request answers
  // 503) and the pool drops the broken client when it is released.
  pool.on('error', () => {})
  pool.on('connect', (client) => client.on('error', () => {}))
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    kysely,
    engine: 'postgres',
    async script(sql) {
      const client = await pool.connect()
      try {
        // A migration may rightly run for long: no statement limit for scripts.
        if (statementTimeoutMs) await client.query('SET statement_timeout = 0')
        await client.query({ text: sql, ...(statementTimeoutMs ? { query_timeout: 24 * 3600_000 } : {}) })
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        // Back to the connection's default (the pool's statement_timeout).
        if (statementTimeoutMs) await client.query('RESET statement_timeout').catch(() => {})
        client.release()
      }
    },
    async close() {
      await kysely.destroy()
    },
  }
}

async function openPglite(dataDir: string, template: string | undefined): Promise<Db> {
  const inMemory = dataDir.startsWith('memory://')
  if (!inMemory) fs.mkdirSync(dataDir, { recursive: true })
  const options = { dataDir, extensions: { postgis }, parsers: { [INT8]: (value: string) => Number(value) } }
  const fromTemplate = !inMemory && template !== undefined && isNewDataDir(dataDir) && fs.existsSync(template)
  const pglite = fromTemplate ? await PGlite.create({ ...options, loadDataDir: new Blob([fs.readFileSync(template)]) }) : await PGlite.create(options)
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) })
  return {
    kysely,
    engine: 'pglite',
    async script(sql) {
      try {
        await pglite.exec(sql)
      } catch (error) {
        await pglite.exec('ROLLBACK').catch(() => {})
        throw error
      }
    },
    async close() {
      await kysely.destroy()
    },
  }
}
