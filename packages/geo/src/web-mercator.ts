/** Radius of the Web Mercator sphere (EPSG:3857), metres. */
export const EARTH_RADIUS = 6378137
/** Half the width of the Web Mercator world, metres. */
export const HALF_WORLD = Math.PI * EARTH_RADIUS
/** The latitude where Web Mercator is square. */
export const MAX_LATITUDE = 85.0511287798066

const DEG_TO_RAD = Math.PI / 180
const RAD_TO_DEG = 180 / Math.PI

/**
 * Projects WGS84 longitude/latitude to Web Mercator metres (EPSG:3857), clamping latitude to
 * ±`MAX_LATITUDE`. Longitude is not wrapped. Uses the same spherical formulas as PROJ (and so
 * PostGIS `ST_Transform`): the equator maps to exactly 0 and the projection is odd-symmetric.
 * @example lonLatToMercator([0, 0]) // [0, 0]
 */
export function lonLatToMercator([lon, lat]: readonly number[]): [number, number] {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat ?? 0))
  const x = (lon ?? 0) * DEG_TO_RAD * EARTH_RADIUS
  const y = EARTH_RADIUS * Math.asinh(Math.tan(clamped * DEG_TO_RAD))
  return [x, y]
}

/** Inverse of `lonLatToMercator`. */
export function mercatorToLonLat([x, y]: readonly number[]): [number, number] {
  const lon = ((x ?? 0) / EARTH_RADIUS) * RAD_TO_DEG
  const lat = Math.atan(Math.sinh((y ?? 0) / EARTH_RADIUS)) * RAD_TO_DEG
  return [lon, lat]
}
