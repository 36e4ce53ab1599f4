import { describe, expect, it } from 'vitest'
import { isInsideBoundary, maskLatLngs, outlineLatLngs, paddedBounds, type Boundary } from './boundary.ts'

const square: Boundary = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [13, 55.7],
          [13.2, 55.7],
          [13.2, 55.9],
          [13, 55.9],
          [13, 55.7],
        ],
      ],
    ],
  },
}

describe('boundary helpers', () => {
  it('tells inside from outside', () => {
    expect(isInsideBoundary(square, 55.8, 13.1)).toBe(true)
    expect(isInsideBoundary(square, 55.8, 12.9)).toBe(false)
  })

  it('cuts the municipality out of a world mask, as [lat, lon]', () => {
    const [world, hole] = maskLatLngs(square)
    expect(world).toHaveLength(4)
    expect(hole?.[0]).toEqual([55.7, 13])
  })

  it('outlines every ring', () => {
    expect(outlineLatLngs(square)).toHaveLength(1)
  })

  it('pads the bounding box on each side', () => {
    const [[south, west], [north, east]] = paddedBounds(square, 0.5) as [[number, number], [number, number]]
    expect(south).toBeCloseTo(55.6)
    expect(west).toBeCloseTo(12.9)
    expect(north).toBeCloseTo(56)
    expect(east).toBeCloseTo(13.3)
  })

  it('does not mutate the boundary', () => {
    const before = JSON.stringify(square)
    maskLatLngs(square)
    outlineLatLngs(square)
    expect(JSON.stringify(square)).toBe(before)
  })
})
