import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { ImportBatch, ImportBatchResult, RejectedRow } from '@trygg/domain'
import { recordAudit } from '../audit/audit.queries.ts'
import type { Database } from '../db/schema.ts'
import { AppError, notFound } from '../errors/app-error.ts'
import { listCategories } from '../municipality/municipality.queries.ts'
import { categoryLookup, checkImportRow, maskOfHour, rejection, type CheckedRow } from './import-row.ts'
import { addToTotals, insertImportedPins, lockImport, placeRows, type ImportPin, type ImportRun } from './imports.queries.ts'

/**
 * The stable key of an imported row: the file's external id, scoped by the import's campaign
 * choice (so that two years' files numbered from 1 do not collide), or else a hash of the
 * row's normalised content. The same file imported again gives the same keys.
 */
export function importKey(run: Pick<ImportRun, 'campaign_id' | 'campaign_by_date'>, row: CheckedRow, at: string, mask: number): string {
  const scope = run.campaign_by_date ? 'date' : (run.campaign_id ?? 'none')
  if (row.externalId) return `ext:${scope}:${row.externalId}`
  const content = JSON.stringify([row.lon.toFixed(7), row.lat.toFixed(7), row.categoryKey, at, row.severity, mask, row.comment])
  return `row:${crypto.createHash('sha256').update(content).digest('base64url')}`
}

/**
 * Checks and imports one batch of an import, in one transaction: rows with problems are
 * reported with their row numbers, rows seen before (by key) are counted as duplicates, the
 * rest become pins. The batch that completes the import records its totals in the audit log.
 */
export async function importBatch(
  db: Kysely<Database>,
  a: { municipalityId: number; importId: number; batch: ImportBatch; actor: { id: number; email: string }; now: Date },
): Promise<ImportBatchResult> {
  const categories = categoryLookup(await listCategories(db, a.municipalityId))
  return db.transaction().execute(async (trx) => {
    const run = await lockImport(trx, a.municipalityId, a.importId)
    if (!run) throw notFound('The import', 'Importen')
    const lastRow = a.batch.firstRow + a.batch.rows.length - 1
    if (lastRow > run.total_rows) {
      throw new AppError(400, 'VALIDATION_FAILED', `Rows ${a.batch.firstRow}–${lastRow} go past the ${run.total_rows} rows the import announced.`,
        `Raderna ${a.batch.firstRow}–${lastRow} går utöver de ${run.total_rows} rader som importen angav.`, [{ field: 'firstRow', message: `the import has ${run.total_rows} rows` }])
    }
    const rejected: RejectedRow[] = []
    const checked: CheckedRow[] = []
    a.batch.rows.forEach((input, k) => {
      const result = checkImportRow(input, a.batch.firstRow + k, categories)
      if (Array.isArray(result)) rejected.push(...result)
      else checked.push(result)
    })
    const placed = new Map((await placeRows(trx, a.municipalityId, checked, a.now)).map((p) => [p.row, p]))
    const pins: ImportPin[] = []
    for (const row of checked) {
      const p = placed.get(row.row)!
      if (!p.inside) rejected.push(rejection(row.row, 'outside_boundary', 'lat', `${row.lat}, ${row.lon}`))
      if (p.future) rejected.push(rejection(row.row, 'future_date', 'date', row.date))
      if (!p.inside || p.future) continue
      const mask = row.mask ?? (row.hasTime ? maskOfHour(p.hour) : 15)
      pins.push({ key: importKey(run, row, p.at, mask), categoryId: row.categoryId, lon: row.lon, lat: row.lat, at: p.at, severity: row.severity, mask, comment: row.comment })
    }
    rejected.sort((x, y) => x.row - y.row)
    const added = await insertImportedPins(trx, run, pins)
    const rejectedRows = new Set(rejected.map((r) => r.row)).size
    const totals = await addToTotals(trx, run, { lastRow, added, duplicates: pins.length - added, rejected: rejectedRows, at: a.now })
    if (run.rows_received < run.total_rows && totals.rows_received >= run.total_rows) {
      await recordAudit(trx, {
        municipalityId: a.municipalityId,
        at: a.now,
        actor: a.actor,
        action: 'pin_import.finish',
        entityType: 'pin_import',
        entityId: run.id,
        after: { fileName: run.file_name, totalRows: totals.total_rows, added: totals.added, duplicates: totals.duplicates, rejected: totals.rejected },
      })
    }
    return {
      added,
      duplicates: pins.length - added,
      rejected,
      totals: { rowsReceived: totals.rows_received, totalRows: totals.total_rows, added: totals.added, duplicates: totals.duplicates, rejected: totals.rejected },
    }
  })
}
