import { bbox, booleanPointInPolygon } from '@turf/turf'
import type { AppConfig } from '@trygg/domain'
import type { LatLngBoundsExpression, LatLngExpression } from 'leaflet'

export type Boundary = AppConfig['municipality']['boundary']

/** Latitude limit of Web Mercator, a little inside so the mask never touches the poles. */
const WORLD_LAT = 85
const WORLD_LON = 180

/** `[lon, lat]` positions as Leaflet `[lat, lon]` pairs. */
function toLatLngs(ring: readonly (readonly number[])[]): [number, number][] {
  return ring.map(([lon, lat]) => [lat ?? 0, lon ?? 0])
}

/**
 * Rings of a polygon covering the world with the municipality cut out: the outer ring is
 * the world, the holes are the outer rings of the boundary's polygons.
 */
export function maskLatLngs(boundary: Boundary): LatLngExpression[][] {
  const world: [number, number][] = [
    [-WORLD_LAT, -WORLD_LON],
    [WORLD_LAT, -WORLD_LON],
    [WORLD_LAT, WORLD_LON],
    [-WORLD_LAT, WORLD_LON],
  ]
  const holes = boundary.geometry.coordinates.flatMap((polygon) => (polygon[0] ? [toLatLngs(polygon[0])] : []))
  return [world, ...holes]
}

/** Every ring of the boundary as Leaflet polylines (outer rings and holes). */
export function outlineLatLngs(boundary: Boundary): LatLngExpression[][] {
  return boundary.geometry.coordinates.flatMap((polygon) => polygon.map(toLatLngs))
}

/**
 * The boundary's bounding box grown by `padding` (a fraction of its size on each side),
 * as Leaflet bounds, e.g. to keep the map near the municipality.
 */
export function paddedBounds(boundary: Boundary, padding: number): LatLngBoundsExpression {
  const [minLon, minLat, maxLon, maxLat] = bbox(boundary)
  const dLon = (maxLon - minLon) * padding
  const dLat = (maxLat - minLat) * padding
  return [
    [minLat - dLat, minLon - dLon],
    [maxLat + dLat, maxLon + dLon],
  ]
}

/** True when the WGS84 point lies inside the municipality (on the edge counts as inside). */
export function isInsideBoundary(boundary: Boundary, lat: number, lon: number): boolean {
  return booleanPointInPolygon([lon, lat], boundary.geometry)
}
