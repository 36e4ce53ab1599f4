import type { AppliedFilters } from '@trygg/domain'
import { toCsv } from '../export/csv.ts'
import type { ExportedPin } from './pin-export.queries.ts'

export const PIN_CSV_HEADER = [
  'id', 'created_at', 'campaign_id', 'campaign', 'category', 'category_sv', 'category_en', 'severity', 'times_of_day', 'agreements', 'status',
  'source', 'comment', 'lat', 'lon',
] as const

/**
 * Pins as CSV (RFC 4180, CRLF, a UTF-8 byte order mark so spreadsheet programs read å, ä, ö):
 * times of day space-separated, created_at in ISO 8601 UTC. Text cells are neutralised
 * against formula injection by `csvCell`.
 */
export function pinsCsv(pins: readonly ExportedPin[]): string {
  const rows = pins.map((p) => [
    p.id, p.createdAt, p.campaignId, p.campaignName, p.category, p.categorySv, p.categoryEn, p.severity, p.timesOfDay.join(' '), p.agreements, p.status,
    p.source, p.comment, p.lat, p.lon,
  ])
  return '\uFEFF' + toCsv(PIN_CSV_HEADER, rows)
}

/** Pins as an RFC 7946 FeatureCollection: Point geometries `[lon, lat]`, the pin id as Feature id, the filters as a foreign member. */
export function pinsGeoJson(pins: readonly ExportedPin[], filters: AppliedFilters) {
  return {
    type: 'FeatureCollection' as const,
    filters,
    features: pins.map(({ lat, lon, createdAt, ...rest }) => ({
      type: 'Feature' as const,
      id: rest.id,
      geometry: { type: 'Point' as const, coordinates: [lon, lat] },
      properties: { ...rest, createdAt: createdAt.toISOString() },
    })),
  }
}

/** `trygghetsmarkeringar-<day>.<ext>`, the day the file was made. */
export const exportFileName = (day: string, format: 'csv' | 'geojson') => `trygghetsmarkeringar-${day}.${format}`
