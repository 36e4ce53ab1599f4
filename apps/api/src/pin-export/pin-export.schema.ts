import Type from 'typebox'
import { ErrorBody, PinExportQuery } from '@trygg/domain'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 503: ErrorBody }

export const pinExportSchema = {
  summary: 'The pins the hotspot filters select, as CSV or GeoJSON',
  description:
    'Exactly the pins GET /api/staff/hotspots and /api/staff/hotspots/heat analyse for the same `campaign`, `category`, `timeOfDay`, ' +
    '`from` and `to`: published pins of the municipality, sensitive categories included, oldest first. Comments only once approved.\n\n' +
    '`format=csv`: UTF-8 with a byte order mark, CRLF, columns id, created_at (ISO 8601, UTC), campaign_id, campaign, category, category_sv, ' +
    'category_en, severity, times_of_day (space-separated), agreements, status, source, comment, lat, lon. Text cells that start with =, +, -, @ ' +
    'get a leading apostrophe so spreadsheets do not run them.\n\n' +
    '`format=geojson`: an RFC 7946 FeatureCollection of Points (`[lon, lat]`, WGS84) with the pin id as Feature id and the applied filters ' +
    'as the foreign member `filters`.',
  tags: ['hotspots'],
  querystring: PinExportQuery,
  produces: ['text/csv', 'application/geo+json'],
  response: {
    200: Type.Union([Type.String({ description: 'text/csv' }), Type.Object({ type: Type.Literal('FeatureCollection') }, { additionalProperties: true })], {
      examples: ['\uFEFFid,created_at,campaign_id,campaign,category,…\r\n17,2026-09-10T10:00:00.000Z,3,Trygghetsvandring 2026,lighting,…\r\n'],
    }),
    ...errors,
  },
}
