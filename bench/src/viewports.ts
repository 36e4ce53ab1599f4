import { lonLatToMercator, mercatorToLonLat } from '@trygg/geo'
import { pinStream, seededRandom, SWEDEN_BBOX } from './generate-pins.ts'

export type Bbox = [number, number, number, number]

const EARTH_CIRCUMFERENCE = 2 * Math.PI * 6378137
const MAX_LAT = 85.0511287798066

/** Web Mercator metres per screen pixel at a zoom (256-pixel tiles). */
export const metresPerPixel = (zoom: number) => EARTH_CIRCUMFERENCE / (256 * 2 ** zoom)

/** The WGS84 bbox of a `width`×`height`-pixel viewport centred on a point at a zoom. */
export function viewportBbox(centre: readonly number[], zoom: number, width = 1280, height = 800): Bbox {
  const [mx, my] = lonLatToMercator(centre)
  const hw = (width / 2) * metresPerPixel(zoom)
  const hh = (height / 2) * metresPerPixel(zoom)
  const [minLon, minLat] = mercatorToLonLat([mx - hw, my - hh])
  const [maxLon, maxLat] = mercatorToLonLat([mx + hw, my + hh])
  const clampLat = (v: number) => Math.max(-MAX_LAT, Math.min(MAX_LAT, v))
  return [Math.max(-180, minLon), clampLat(minLat), Math.min(180, maxLon), clampLat(maxLat)]
}

/**
 * `count` reproducible viewport centres: half where residents look (drawn like the pins, so
 * mostly in towns), half anywhere over the area.
 */
export function viewportCentres(count: number, seed: number): [number, number][] {
  const rand = seededRandom(seed)
  const near = pinStream({ seed: seed + 1, count })
  const [minLon, minLat, maxLon, maxLat] = SWEDEN_BBOX
  const out: [number, number][] = []
  for (let i = 0; i < count; i++) {
    const p = near.next().value!
    out.push(i % 2 === 0 ? [p.lon, p.lat] : [minLon + rand() * (maxLon - minLon), minLat + rand() * (maxLat - minLat)])
  }
  return out
}

/** The bbox query parameter. */
export const bboxParam = (b: Bbox) => b.map((v) => v.toFixed(6)).join(',')
