import type { PGlite } from '@electric-sql/pglite'
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely'

/**
 * A `pg`-shaped pool over one PGlite instance, so Kysely's PostgresDialect runs unchanged on
 * the embedded engine. PGlite has a single session, so a connection is exclusive: `connect`
 * waits until the previous holder releases it, which keeps transactions isolated.
 */
export function pglitePool(pg: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve()

  async function connect(): Promise<PostgresPoolClient> {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const previous = tail
    tail = previous.then(() => held)
    await previous
    let released = false
    return {
      async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
        const result = await pg.query<R>(sql, parameters as unknown[], { rowMode: 'object' })
        const command = (sql.trim().split(/\s+/, 1)[0] ?? '').toUpperCase()
        return {
          command: command as PostgresQueryResult<R>['command'],
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows,
        }
      },
      release() {
        if (released) return
        released = true
        release()
      },
    } as unknown as PostgresPoolClient
  }

  return {
    options: {},
    connect,
    async end() {
      await tail
      await pg.close()
    },
  }
}
