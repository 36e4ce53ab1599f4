import Type from 'typebox'

/** Most rows one batch may carry; the browser sends a file in batches of IMPORT_BATCH_SIZE. */
export const IMPORT_LIMITS = Object.freeze({
  maxBatchRows: 1000, // rows in one POST /api/staff/imports/:id/rows
  batchSize: 500, // rows the staff workspace sends per batch
  maxTotalRows: 1_000_000, // rows one import may announce
})

/** Why a row was not imported; the report shows each with its row number. */
export const IMPORT_REJECTIONS = [
  'bad_coordinates',
  'outside_boundary',
  'unknown_category',
  'bad_date',
  'future_date',
  'bad_severity',
  'bad_times_of_day',
  'comment_too_long',
] as const
export type ImportRejection = (typeof IMPORT_REJECTIONS)[number]

const cell = (description: string, maxLength = 200) => Type.Optional(Type.String({ maxLength, description }))

/**
 * One row of a file after column mapping: the raw cell texts, checked by the server so that
 * the report can name every problem.
 */
export const ImportRow = Type.Object(
  {
    lat: cell('Latitude, WGS84 decimal degrees; a decimal comma is accepted', 40),
    lon: cell('Longitude, WGS84 decimal degrees', 40),
    category: cell('Category key, or its Swedish or English name (any case)'),
    date: cell('YYYY-MM-DD, or an ISO 8601 date and time; without an offset in the municipality time zone', 40),
    severity: cell('1–5; empty means 3', 20),
    timesOfDay: cell('morning/day/evening/night or morgon/dag/kväll/natt, separated by spaces or commas; empty: from the time of `date`, else all four', 100),
    comment: cell('Imported comments wait for moderation like new ones', 4000),
    externalId: cell('The file’s own id of the row; makes re-imports recognise it', 200),
  },
  { additionalProperties: false },
)
export type ImportRow = Type.Static<typeof ImportRow>

export const NewImport = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200, examples: ['trygghetsvandring-2024.csv'] }),
    totalRows: Type.Integer({ minimum: 1, maximum: IMPORT_LIMITS.maxTotalRows, examples: [10000] }),
    campaign: Type.Union([Type.Integer({ minimum: 1 }), Type.Literal('byDate'), Type.Null()], {
      description: 'A campaign id every row joins, `byDate` for the campaign running at each row’s date, or null for none',
      examples: [3, 'byDate'],
    }),
  },
  { additionalProperties: false, $id: 'NewImport' },
)
export type NewImport = Type.Static<typeof NewImport>

export const ImportStarted = Type.Object({ id: Type.Integer({ examples: [7] }) }, { $id: 'ImportStarted' })
export type ImportStarted = Type.Static<typeof ImportStarted>

export const ImportBatch = Type.Object(
  {
    firstRow: Type.Integer({ minimum: 1, description: 'Row number of the first row in the file (1 = the first data row)', examples: [501] }),
    rows: Type.Array(ImportRow, {
      minItems: 1,
      maxItems: IMPORT_LIMITS.maxBatchRows,
      examples: [[{ lat: '55.7936', lon: '13.1095', category: 'lighting', date: '2024-09-12', severity: '4', timesOfDay: 'kväll natt', externalId: 'A-17' }]],
    }),
  },
  { additionalProperties: false, $id: 'ImportBatch' },
)
export type ImportBatch = Type.Static<typeof ImportBatch>

export const RejectedRow = Type.Object({
  row: Type.Integer({ description: 'Row number in the file' }),
  reason: Type.Enum(IMPORT_REJECTIONS),
  field: Type.String(),
  message: Type.String({ description: 'In English' }),
  messageSv: Type.String(),
})
export type RejectedRow = Type.Static<typeof RejectedRow>

export const ImportBatchResult = Type.Object(
  {
    added: Type.Integer({ description: 'New pins' }),
    duplicates: Type.Integer({ description: 'Rows imported before (same external id, or the same content)' }),
    rejected: Type.Array(RejectedRow),
    totals: Type.Object(
      { rowsReceived: Type.Integer(), totalRows: Type.Integer(), added: Type.Integer(), duplicates: Type.Integer(), rejected: Type.Integer() },
      { description: 'The whole import so far' },
    ),
  },
  {
    $id: 'ImportBatchResult',
    examples: [
      {
        added: 498,
        duplicates: 0,
        rejected: [{ row: 517, reason: 'outside_boundary', field: 'lat', message: 'The point lies outside the municipality.', messageSv: 'Platsen ligger utanför kommunen.' }],
        totals: { rowsReceived: 1000, totalRows: 10000, added: 997, duplicates: 0, rejected: 3 },
      },
    ],
  },
)
export type ImportBatchResult = Type.Static<typeof ImportBatchResult>
