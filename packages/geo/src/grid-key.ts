import type { Feature, Point, Polygon } from 'geojson'
import { EARTH_RADIUS, lonLatToMercator, mercatorToLonLat } from './web-mercator.ts'

/** Zoom levels that have cluster aggregates. */
export const MIN_CLUSTER_ZOOM = 0
export const MAX_CLUSTER_ZOOM = 20
/** Width of a cluster cell on screen, pixels (256-pixel tiles). */
export const CELL_PIXELS = 60

export interface GridKey {
  zoom: number
  x: number
  y: number
}

/**
 * Side of a cluster cell at `zoom` in Web Mercator metres: `CELL_PIXELS` screen pixels.
 * Each zoom halves the cell, so cells of zoom z+1 nest in cells of zoom z.
 * The SQL function `trygg_cell_size` in migrations/ uses the same formula, evaluated in the
 * same order (`60 * 2 * pi() * 6378137 / (256 * power(2, zoom))`) so both give the same double.
 * @example cellSize(0) // 9392582.035682457
 */
export function cellSize(zoom: number): number {
  return (CELL_PIXELS * 2 * Math.PI * EARTH_RADIUS) / (256 * 2 ** zoom)
}

/** The key of the cell that holds a Web Mercator point: floor of metres over cell size. */
export function gridKeyOfMercator([mx, my]: readonly number[], zoom: number): GridKey {
  const size = cellSize(zoom)
  return { zoom, x: Math.floor((mx ?? 0) / size), y: Math.floor((my ?? 0) / size) }
}

/**
 * The key of the cell that holds a WGS84 point at `zoom`.
 * @example gridKey(point([13.1, 55.79]), 12) // { zoom: 12, x: 635, y: 3277 }
 */
export function gridKey(pt: Feature<Point>, zoom: number): GridKey {
  return gridKeyOfMercator(lonLatToMercator(pt.geometry.coordinates), zoom)
}

/** Inclusive range of cell keys that a WGS84 bbox `[minLon, minLat, maxLon, maxLat]` touches. */
export function cellRange(bbox: readonly [number, number, number, number], zoom: number) {
  const [minLon, minLat, maxLon, maxLat] = bbox
  const min = gridKeyOfMercator(lonLatToMercator([minLon, minLat]), zoom)
  const max = gridKeyOfMercator(lonLatToMercator([maxLon, maxLat]), zoom)
  return { zoom, minX: min.x, minY: min.y, maxX: max.x, maxY: max.y }
}

/** Centre of a cell as a WGS84 [lon, lat]. */
export function cellCenter(key: GridKey): [number, number] {
  const size = cellSize(key.zoom)
  return mercatorToLonLat([(key.x + 0.5) * size, (key.y + 0.5) * size])
}

/** The cell as a WGS84 polygon feature, for display and fixtures. */
export function cellPolygon(key: GridKey): Feature<Polygon, GridKey> {
  const size = cellSize(key.zoom)
  const corners = [
    [key.x, key.y],
    [key.x + 1, key.y],
    [key.x + 1, key.y + 1],
    [key.x, key.y + 1],
    [key.x, key.y],
  ].map(([cx, cy]) => mercatorToLonLat([cx! * size, cy! * size]))
  return { type: 'Feature', properties: { ...key }, geometry: { type: 'Polygon', coordinates: [corners] } }
}
