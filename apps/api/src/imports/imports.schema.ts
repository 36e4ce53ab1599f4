import Type from 'typebox'
import { ErrorBody, ImportBatch, ImportBatchResult, ImportStarted, NewImport } from '@trygg/domain'

const tags = ['imports']
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody }

export const startSchema = {
  summary: 'Start an import of earlier pins',
  description:
    'Announces a file of `totalRows` rows and the campaign its pins join (an id, `byDate` for the campaign running at each row’s date, ' +
    'or null). The rows follow in batches to POST /api/staff/imports/{id}/rows. Recorded in the audit log.',
  tags,
  body: NewImport,
  response: { 201: ImportStarted, ...errors },
}

export const batchSchema = {
  summary: 'Import one batch of rows',
  description:
    'Up to 1000 mapped rows (cell texts), numbered from `firstRow`. Each row is checked: coordinates (WGS84 decimal degrees), inside the ' +
    'municipality’s boundary, category (key or Swedish or English name), date (not in the future), severity 1–5 (empty: 3), times of day ' +
    '(empty: from the hour of the date, else all four) and comment length. Rejected rows come back with their row number and reason; ' +
    'the others become pins with source `import`. A row whose key (its external id, else a hash of its normalised content) was imported ' +
    'before is counted as a duplicate and adds nothing, so the same file imported twice adds no pins.',
  tags,
  params: Type.Object({ id: Type.Integer({ minimum: 1, examples: [7] }) }),
  body: ImportBatch,
  response: { 200: ImportBatchResult, ...errors },
}
