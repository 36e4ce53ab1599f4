import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'

/** Memory each sort and hash of an analysis may use before spilling to disk. */
export const ANALYSIS_WORK_MEM = '64MB'

/**
 * Runs the statements of one analysis in a transaction of their own, with settings that hold
 * for it alone: no JIT compilation — the analysis queries carry high PostGIS cost estimates, so
 * PostgreSQL would compile them every time, which took 0.5–0.9 s, longer than the analysis of
 * a 10,000-pin campaign itself — and `work_mem` large enough for the clustering's sort of
 * every pin of a municipality to stay in memory.
 */
export async function inAnalysisTransaction<T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('jit', 'off', true), set_config('work_mem', ${ANALYSIS_WORK_MEM}, true)`.execute(trx)
    return fn(trx)
  })
}
