import Papa from 'papaparse'
import type { ImportRow } from '@trygg/domain'

/** A parsed file: its column names and each row's cell texts by column. */
export interface ImportFile {
  columns: string[]
  rows: Record<string, string>[]
}

/** The fields a column can be mapped to, in the order the mapping form shows them. */
export const IMPORT_FIELDS = ['lat', 'lon', 'category', 'date', 'severity', 'timesOfDay', 'comment', 'externalId'] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

/** Which column feeds each field; '' leaves the field out. */
export type ColumnMapping = Record<ImportField, string>

/** Pseudo-columns of a GeoJSON file: the Point geometry's coordinates. */
export const GEOMETRY_LON = '(geometry) lon'
export const GEOMETRY_LAT = '(geometry) lat'

export class ImportFileError extends Error {}

/** A CSV file (any delimiter Papa Parse detects; the first line names the columns). */
export function parseCsv(text: string): ImportFile {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() })
  const columns = (result.meta.fields ?? []).filter(Boolean)
  if (!columns.length || !result.data.length) throw new ImportFileError('empty')
  return { columns, rows: result.data }
}

/**
 * A GeoJSON FeatureCollection of Points: each Feature's properties are its columns, and the
 * coordinates are two more. Features that are not Points keep empty coordinates, so the report
 * names them as rows with bad coordinates.
 */
export function parseGeoJson(text: string): ImportFile {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    throw new ImportFileError('json')
  }
  const features = (doc as { type?: string; features?: unknown[] })?.type === 'FeatureCollection' ? (doc as { features: unknown[] }).features : null
  if (!Array.isArray(features) || !features.length) throw new ImportFileError('empty')
  const columns = new Set<string>()
  const rows = features.map((f) => {
    const feature = f as { id?: unknown; geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> | null }
    const row: Record<string, string> = {}
    if (feature.id !== undefined && feature.id !== null) row.id = String(feature.id)
    for (const [k, v] of Object.entries(feature.properties ?? {})) row[k] = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : typeof v === 'object' ? JSON.stringify(v) : String(v)
    const c = feature.geometry?.type === 'Point' && Array.isArray(feature.geometry.coordinates) ? feature.geometry.coordinates : []
    row[GEOMETRY_LON] = typeof c[0] === 'number' ? String(c[0]) : ''
    row[GEOMETRY_LAT] = typeof c[1] === 'number' ? String(c[1]) : ''
    for (const k of Object.keys(row)) columns.add(k)
    return row
  })
  return { columns: [GEOMETRY_LON, GEOMETRY_LAT, ...[...columns].filter((c) => c !== GEOMETRY_LON && c !== GEOMETRY_LAT)], rows }
}

/** Parses by file name: `.geojson`/`.json` as GeoJSON, anything else as CSV. */
export function parseImportFile(name: string, text: string): ImportFile {
  return /\.(geo)?json$/i.test(name) ? parseGeoJson(text) : parseCsv(text)
}

/** Column names each field is recognised by, lower-case, Swedish and English (this app's own export included). */
const NAMES: Record<ImportField, string[]> = {
  lat: [GEOMETRY_LAT, 'lat', 'latitude', 'latitud', 'y'],
  lon: [GEOMETRY_LON, 'lon', 'lng', 'long', 'longitude', 'longitud', 'x'],
  category: ['category', 'kategori', 'category_key', 'typ', 'type'],
  date: ['created_at', 'createdat', 'date', 'datum', 'tid', 'time', 'timestamp'],
  severity: ['severity', 'allvarlighet', 'otrygghet', 'grad'],
  timesOfDay: ['times_of_day', 'timesofday', 'time_of_day', 'tid på dygnet', 'tid_pa_dygnet', 'dygn'],
  comment: ['comment', 'kommentar', 'beskrivning', 'description'],
  externalId: ['external_id', 'externalid', 'id', 'löpnummer', 'nr'],
}

/** A first guess of the mapping from the column names; the planner checks and changes it. */
export function guessMapping(columns: readonly string[]): ColumnMapping {
  const lower = new Map(columns.map((c) => [c.trim().toLowerCase(), c]))
  const mapping = {} as ColumnMapping
  for (const field of IMPORT_FIELDS) mapping[field] = NAMES[field].map((n) => lower.get(n)).find((c) => c !== undefined) ?? ''
  return mapping
}

/** A category as the server recognises it: by key, or by its Swedish or English name in any case. */
export interface KnownCategory {
  key: string
  labelSv: string
  labelEn: string
}

/**
 * The values of the category column that name no category, most frequent first (at most
 * `limit`): the planner maps each to a category, or leaves it for the report.
 */
export function unmatchedCategories(rows: readonly Record<string, string>[], column: string, categories: readonly KnownCategory[], limit = 100): { value: string; count: number }[] {
  const known = new Set(categories.flatMap((c) => [c.key, c.labelSv, c.labelEn].map((n) => n.trim().toLowerCase())))
  const counts = new Map<string, number>()
  for (const row of rows) {
    const value = (row[column] ?? '').trim()
    if (value && !known.has(value.toLowerCase())) counts.set(value, (counts.get(value) ?? 0) + 1)
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, limit)
}

/**
 * The rows as the API takes them: the mapped cells only, as text; a category value the planner
 * mapped (`categoryValues`, file value → key) is sent as its key.
 */
export function mapRows(rows: readonly Record<string, string>[], mapping: ColumnMapping, categoryValues: Readonly<Record<string, string>> = {}): ImportRow[] {
  const fields = IMPORT_FIELDS.filter((f) => mapping[f])
  return rows.map((row) => {
    const out: ImportRow = {}
    for (const f of fields) {
      const value = row[mapping[f]]
      if (value !== undefined && value !== null) out[f] = String(value).slice(0, f === 'comment' ? 4000 : 200)
    }
    const mapped = out.category === undefined ? undefined : categoryValues[out.category.trim()]
    if (mapped) out.category = mapped
    return out
  })
}
