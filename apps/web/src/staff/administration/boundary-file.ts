import type { BoundaryUpload } from '@trygg/domain'

export type BoundaryFile =
  | { ok: true; upload: BoundaryUpload; preview: GeoJSON.Feature<GeoJSON.MultiPolygon>; parts: number }
  | { ok: false; reason: 'not-json' | 'not-polygon' }

type Shape = GeoJSON.Polygon | GeoJSON.MultiPolygon
const isShape = (g: unknown): g is Shape =>
  typeof g === 'object' && g !== null && ((g as Shape).type === 'Polygon' || (g as Shape).type === 'MultiPolygon') && Array.isArray((g as Shape).coordinates)

/**
 * Reads a boundary file far enough to preview it: JSON holding a Polygon or MultiPolygon,
 * bare, as a Feature, or as a FeatureCollection of them. The server checks the rest (ring
 * closure, coordinate ranges, self-intersection) and says what is wrong.
 *
 * @example readBoundaryFile('{"type":"Polygon","coordinates":[[[13,55],[13.1,55],[13,55.1],[13,55]]]}').ok // true
 */
export function readBoundaryFile(text: string): BoundaryFile {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'not-json' }
  }
  const shapes = geometries(json)
  if (!shapes || shapes.length === 0 || !shapes.every(isShape)) return { ok: false, reason: 'not-polygon' }
  const coordinates = shapes.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates))
  return {
    ok: true,
    upload: json as BoundaryUpload,
    preview: { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates } },
    parts: coordinates.length,
  }
}

function geometries(json: unknown): unknown[] | null {
  if (typeof json !== 'object' || json === null) return null
  const o = json as { type?: unknown; geometry?: unknown; features?: unknown }
  if (o.type === 'FeatureCollection') return Array.isArray(o.features) ? o.features.map((f: { geometry?: unknown } | null) => f?.geometry) : null
  if (o.type === 'Feature') return [o.geometry]
  return [json]
}
