/** Radius of the Web Mercator sphere (EPSG:3857), metres. */
export const EARTH_RADIUS = 6378137
/** Half the width of the Web Mercator world, metres. */
export const HALF_WORLD = Math.PI * EARTH_RADIUS
/** The latitude where Web Mercator is square. */
export const MAX_LATITUDE = 85.0511287798066

/**
 * Projects WGS84 longitude/latitude to Web Mercator metres (EPSG:3857), clamping latitude.
 * @example lonLatToMercator([0, 0]) // [0, 0]
 */
export function lonLatToMercator([lon, lat]: readonly number[]): [number, number] {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat ?? 0))
  const x = (EARTH_RADIUS * (lon ?? 0) * Math.PI) / 180
  const y = EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))
  return [x, y]
}

/** Inverse of `lonLatToMercator`. */
export function mercatorToLonLat([x, y]: readonly number[]): [number, number] {
  const lon = ((x ?? 0) / EARTH_RADIUS) * (180 / Math.PI)
  const lat = (2 * Math.atan(Math.exp((y ?? 0) / EARTH_RADIUS)) - Math.PI / 2) * (180 / Math.PI)
  return [lon, lat]
}
