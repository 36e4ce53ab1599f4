import { toMercator, toWgs84 } from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { between, seededRandom } from '../test/random.ts'
import { HALF_WORLD, MAX_LATITUDE, lonLatToMercator, mercatorToLonLat } from './web-mercator.ts'

/** Reference values from PostGIS 3.6 / PROJ 9.7: ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), 3857). */
const POSTGIS: [lonLat: [number, number], mercator: [number, number]][] = [
  [[13.11, 55.794], [1459398.5242998165, 7517515.703917541]],
  [[-58.3816, -34.6037], [-6499009.98369658, -4110155.126083804]],
  [[179.9999, -16.8], [20037497.210840166, -1897556.232409338]],
  [[-21.9426, 64.1466], [-2442639.0586804845, 9387089.649837837]],
  [[20, MAX_LATITUDE], [2226389.8158654715, 20037508.342789248]],
]

function randomLonLats(seed: number, count: number): [number, number][] {
  const next = seededRandom(seed)
  return Array.from({ length: count }, () => [between(next, -180, 180), between(next, -MAX_LATITUDE, MAX_LATITUDE)])
}

describe('lonLatToMercator', () => {
  it('maps the origin to exactly 0, 0', () => {
    expect(lonLatToMercator([0, 0])).toEqual([0, 0])
  })

  it('maps ±180 to ±HALF_WORLD and the square latitude to about HALF_WORLD', () => {
    expect(lonLatToMercator([180, 0])[0]).toBe(HALF_WORLD)
    expect(lonLatToMercator([-180, 0])[0]).toBe(-HALF_WORLD)
    expect(lonLatToMercator([0, MAX_LATITUDE])[1]).toBeCloseTo(HALF_WORLD, 6)
  })

  it('agrees with PostGIS ST_Transform to 3857', () => {
    for (const [lonLat, mercator] of POSTGIS) {
      const [x, y] = lonLatToMercator(lonLat)
      expect(x).toBeCloseTo(mercator[0], 6)
      expect(y).toBeCloseTo(mercator[1], 6)
    }
  })

  it('agrees with turf toMercator inside the square', () => {
    for (const [lon, lat] of randomLonLats(10, 1000)) {
      const [x, y] = lonLatToMercator([lon, lat])
      const [tx, ty] = toMercator([lon, lat])
      expect(x).toBeCloseTo(tx!, 6)
      expect(y).toBeCloseTo(ty!, 6)
    }
  })

  it('is odd-symmetric', () => {
    for (const [lon, lat] of randomLonLats(11, 1000)) {
      const [x, y] = lonLatToMercator([lon, lat])
      expect(lonLatToMercator([-lon, -lat])).toEqual([-x, -y])
    }
  })

  it('clamps latitude to ±MAX_LATITUDE', () => {
    expect(lonLatToMercator([5, 90])).toEqual(lonLatToMercator([5, MAX_LATITUDE]))
    expect(lonLatToMercator([5, 86])).toEqual(lonLatToMercator([5, MAX_LATITUDE]))
    expect(lonLatToMercator([5, -90])).toEqual(lonLatToMercator([5, -MAX_LATITUDE]))
  })

  it('does not wrap longitude', () => {
    expect(lonLatToMercator([190, 0])[0]).toBeGreaterThan(HALF_WORLD)
  })

  it('does not mutate its input', () => {
    const input = Object.freeze([13.11, 55.794])
    expect(() => lonLatToMercator(input)).not.toThrow()
    expect(input).toEqual([13.11, 55.794])
  })
})

describe('mercatorToLonLat', () => {
  it('round-trips within 1e-9 degrees', () => {
    for (const [lon, lat] of randomLonLats(12, 10_000)) {
      const [lon2, lat2] = mercatorToLonLat(lonLatToMercator([lon, lat]))
      expect(Math.abs(lon2 - lon)).toBeLessThan(1e-9)
      expect(Math.abs(lat2 - lat)).toBeLessThan(1e-9)
    }
  })

  it('round-trips Web Mercator metres within a micrometre', () => {
    const next = seededRandom(13)
    for (let i = 0; i < 1000; i++) {
      const xy = [between(next, -HALF_WORLD, HALF_WORLD), between(next, -HALF_WORLD, HALF_WORLD)]
      const [x, y] = lonLatToMercator(mercatorToLonLat(xy))
      expect(x).toBeCloseTo(xy[0]!, 6)
      expect(y).toBeCloseTo(xy[1]!, 6)
    }
  })

  it('agrees with turf toWgs84', () => {
    for (const [, mercator] of POSTGIS) {
      const [lon, lat] = mercatorToLonLat(mercator)
      const [tlon, tlat] = toWgs84(mercator)
      expect(lon).toBeCloseTo(tlon!, 9)
      expect(lat).toBeCloseTo(tlat!, 9)
    }
  })

  it('maps the corners of the square world to ±180, ±MAX_LATITUDE', () => {
    const [lon, lat] = mercatorToLonLat([HALF_WORLD, -HALF_WORLD])
    expect(lon).toBeCloseTo(180, 12)
    expect(lat).toBeCloseTo(-MAX_LATITUDE, 12)
  })

  it('does not mutate its input', () => {
    const input = Object.freeze([1459398.5, 7517515.7])
    expect(() => mercatorToLonLat(input)).not.toThrow()
    expect(input).toEqual([1459398.5, 7517515.7])
  })
})
