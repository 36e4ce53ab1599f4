import { describe, expect, it } from 'vitest'
import { generatePins, SWEDEN_BBOX, TOWNS } from './generate-pins.ts'
import { parseArgs } from './args.ts'

describe('generatePins', () => {
  const pins = generatePins({ seed: 1, count: 20_000 })

  it('gives the same pins for the same seed and other pins for another', () => {
    expect(generatePins({ seed: 1, count: 50 })).toEqual(pins.slice(0, 50))
    expect(generatePins({ seed: 2, count: 50 })).not.toEqual(pins.slice(0, 50))
  })

  it('keeps every pin inside the area with valid fields', () => {
    const [minLon, minLat, maxLon, maxLat] = SWEDEN_BBOX
    for (const p of pins) {
      expect(p.lon >= minLon && p.lon <= maxLon && p.lat >= minLat && p.lat <= maxLat).toBe(true)
      expect(p.severity >= 1 && p.severity <= 5 && p.times >= 1 && p.times <= 15).toBe(true)
    }
  })

  it('is dense around towns and sparse between them', () => {
    const between = pins.filter((p) => p.town < 0).length / pins.length
    expect(between).toBeGreaterThan(0.06)
    expect(between).toBeLessThan(0.1)
    const stockholm = TOWNS.findIndex((t) => t.name === 'Stockholm')
    const near = (p: { lon: number; lat: number }, t: { lon: number; lat: number }) => Math.abs(p.lon - t.lon) < 0.1 && Math.abs(p.lat - t.lat) < 0.05
    const inCentre = pins.filter((p) => near(p, TOWNS[stockholm]!)).length
    const inForest = pins.filter((p) => near(p, { lon: 15.5, lat: 66.0 })).length
    expect(inCentre).toBeGreaterThan(50 * Math.max(1, inForest))
  })
})

describe('parseArgs', () => {
  it('reads the options and refuses anything else', () => {
    expect(parseArgs(['--pins', '20000', '--viewports=10'])).toEqual({ pins: 20000, viewports: 10, duration: undefined })
    expect(() => parseArgs(['--pins', 'many'])).toThrow(/positive integer/)
    expect(() => parseArgs(['--fast'])).toThrow(/unknown option/)
  })
})
