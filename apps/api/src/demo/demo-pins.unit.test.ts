import { booleanClockwise, booleanPointInPolygon, booleanValid, kinks, lineString, pointToLineDistance } from '@turf/turf'
import { DEFAULT_CATEGORIES, TIMES_OF_DAY } from '@trygg/domain'
import { describe, expect, it } from 'vitest'
import { DEMO_ANCHORS, DEMO_PATHS, DEMO_ROADS, KAVLINGE_BOUNDARY } from './demo-places.ts'
import { DEMO_PIN_DEFAULTS, generateDemoPins, walkWindow } from './demo-pins.ts'

const pins = generateDemoPins()
const categoryKeys = new Set(DEFAULT_CATEGORIES.map((c) => c.key))
const trafficKeys = new Set(DEFAULT_CATEGORIES.filter((c) => c.group === 'traffic').map((c) => c.key))

describe('kavlinge-boundary.geojson', () => {
  const ring = KAVLINGE_BOUNDARY.geometry.coordinates[0]![0]!

  it('is a valid MultiPolygon with a closed, counter-clockwise outer ring and no self-intersections', () => {
    expect(KAVLINGE_BOUNDARY.geometry.type).toBe('MultiPolygon')
    expect(KAVLINGE_BOUNDARY.properties.name).toBe('Kävlinge')
    expect(ring.at(-1)).toEqual(ring[0])
    expect(ring.length - 1).toBeGreaterThanOrEqual(25)
    expect(ring.length - 1).toBeLessThanOrEqual(60)
    expect(booleanClockwise(ring)).toBe(false)
    expect(kinks(KAVLINGE_BOUNDARY).features).toHaveLength(0)
    expect(booleanValid(KAVLINGE_BOUNDARY)).toBe(true)
  })

  it.each([
    ['Kävlinge', 13.11, 55.794],
    ['Furulund', 13.085, 55.771],
    ['Löddeköpinge', 13.012, 55.768],
    ['Barsebäck', 12.948, 55.755],
    ['Barsebäckshamn', 12.905, 55.76],
    ['Dösjebro', 13.03, 55.826],
    ['Hofterup', 12.982, 55.808],
  ])('contains %s', (_, lon, lat) => {
    expect(booleanPointInPolygon([lon, lat], KAVLINGE_BOUNDARY)).toBe(true)
  })

  it('contains every demo anchor, road and path', () => {
    const positions = [
      ...DEMO_ANCHORS.map((a) => a.position),
      ...DEMO_ROADS.flatMap((r) => r.coordinates),
      ...DEMO_PATHS.flatMap((p) => p.coordinates),
    ]
    for (const position of positions) expect(booleanPointInPolygon(position, KAVLINGE_BOUNDARY), String(position)).toBe(true)
  })
})

describe('walkWindow', () => {
  it('spans the 2025 and 2026 walks in Swedish time', () => {
    expect(walkWindow(2025)).toEqual({ start: new Date('2025-09-15T00:00:00+02:00'), end: new Date('2025-10-13T00:00:00+02:00') })
    expect(walkWindow(2026)).toEqual({ start: new Date('2026-09-14T00:00:00+02:00'), end: new Date('2026-10-12T00:00:00+02:00') })
  })
})

describe('generateDemoPins', () => {
  it('is reproducible: the same seed gives the same pins, another seed other pins', () => {
    expect(generateDemoPins({ seed: 7, count: 300 })).toEqual(generateDemoPins({ seed: 7, count: 300 }))
    expect(generateDemoPins({ seed: 8, count: 300 })).not.toEqual(generateDemoPins({ seed: 7, count: 300 }))
    expect(generateDemoPins()).toEqual(pins)
  })

  it('honours count', () => {
    expect(pins).toHaveLength(DEMO_PIN_DEFAULTS.count)
    expect(generateDemoPins({ count: 0 })).toEqual([])
    expect(generateDemoPins({ count: 37 })).toHaveLength(37)
  })

  it('refuses invalid options', () => {
    expect(() => generateDemoPins({ count: -1 })).toThrow(RangeError)
    expect(() => generateDemoPins({ seed: 1.5 })).toThrow(RangeError)
    expect(() => generateDemoPins({ years: [] })).toThrow(RangeError)
  })

  it('puts every pin inside the boundary', () => {
    for (const p of pins) expect(booleanPointInPolygon([p.lon, p.lat], KAVLINGE_BOUNDARY), `${p.lon},${p.lat}`).toBe(true)
  })

  it('uses only default categories, and all of them', () => {
    for (const p of pins) expect(categoryKeys.has(p.category), p.category).toBe(true)
    expect(new Set(pins.map((p) => p.category))).toEqual(categoryKeys)
  })

  it('gives severities from 1 to 5', () => {
    for (const p of pins) expect(Number.isInteger(p.severity) && p.severity >= 1 && p.severity <= 5, String(p.severity)).toBe(true)
    expect(new Set(pins.map((p) => p.severity)).size).toBe(5)
  })

  it('gives non-empty, unique times of day in canonical order', () => {
    for (const p of pins) {
      expect(p.timesOfDay.length).toBeGreaterThan(0)
      expect(p.timesOfDay).toEqual(TIMES_OF_DAY.filter((t) => p.timesOfDay.includes(t)))
    }
  })

  it('names evening and night more often than morning and day', () => {
    const count = (ts: string[]) => pins.reduce((n, p) => n + p.timesOfDay.filter((t) => ts.includes(t)).length, 0)
    expect(count(['evening', 'night'])).toBeGreaterThan(count(['morning', 'day']))
  })

  it('places traffic pins within 150 m of a road', () => {
    const roads = DEMO_ROADS.map((r) => lineString(r.coordinates))
    const traffic = pins.filter((p) => trafficKeys.has(p.category))
    expect(traffic.length).toBeGreaterThan(0)
    for (const p of traffic) {
      const nearest = Math.min(...roads.map((road) => pointToLineDistance([p.lon, p.lat], road, { units: 'meters' })))
      expect(nearest, `${p.category} at ${p.lon},${p.lat}`).toBeLessThan(150)
    }
  })

  it('comments on about one pin in ten, briefly', () => {
    const commented = pins.filter((p) => p.comment !== null)
    expect(commented.length / pins.length).toBeGreaterThan(0.06)
    expect(commented.length / pins.length).toBeLessThan(0.14)
    for (const p of commented) expect(p.comment!.length).toBeLessThan(120)
  })

  it('dates pins inside the walk of their year, in order', () => {
    expect(new Set(pins.map((p) => p.year))).toEqual(new Set([2025, 2026]))
    for (const p of pins) {
      const { start, end } = walkWindow(p.year)
      expect(p.createdAt >= start && p.createdAt < end, p.createdAt.toISOString()).toBe(true)
    }
    const times = pins.map((p) => p.createdAt.getTime())
    expect(times).toEqual([...times].sort((a, b) => a - b))
  })

  it('does not mutate the boundary it is given', () => {
    const boundary = structuredClone(KAVLINGE_BOUNDARY)
    generateDemoPins({ count: 50, boundary })
    expect(boundary).toEqual(KAVLINGE_BOUNDARY)
  })
})
