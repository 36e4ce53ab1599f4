import type { Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { diffAreas, type DiffArea } from './area-diff.ts'

/** A square of `d` degrees with its south-west corner at (x, y). */
const square = (x: number, y: number, d = 0.01): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]],
})
const areaAt = (id: string, x: number, y: number, pinCount: number, d = 0.01): DiffArea => ({ id, geometry: square(x, y, d), centroid: [x + d / 2, y + d / 2], pinCount })

describe('diffAreas', () => {
  it('finds new, grown, shrunk, unchanged and gone areas', () => {
    const previous = [areaAt('p1', 13.0, 55.7, 5), areaAt('p2', 13.1, 55.7, 8), areaAt('p3', 13.2, 55.7, 4), areaAt('p4', 13.3, 55.7, 6)]
    const current = [
      areaAt('c1', 13.005, 55.7, 9), // overlaps p1, more pins
      areaAt('c2', 13.1, 55.705, 3), // overlaps p2, fewer pins
      areaAt('c3', 13.2, 55.7, 4), // same as p3
      areaAt('c4', 13.5, 55.7, 3), // nowhere before
    ]
    const input = JSON.stringify([previous, current])
    expect(diffAreas(previous, current).map((c) => [c.change, c.id, c.previousId, c.pinCount, c.previousPinCount])).toEqual([
      ['grown', 'c1', 'p1', 9, 5],
      ['shrunk', 'c2', 'p2', 3, 8],
      ['unchanged', 'c3', 'p3', 4, 4],
      ['new', 'c4', null, 3, 0],
      ['gone', 'p4', 'p4', 0, 6],
    ])
    expect(JSON.stringify([previous, current])).toBe(input)
  })

  it('matches one to one, the largest overlap first', () => {
    // Two current areas overlap the one previous area; the one sharing more of it is its successor.
    const previous = [areaAt('p', 13.0, 55.7, 4)]
    const current = [areaAt('small', 13.008, 55.7, 2), areaAt('big', 12.997, 55.7, 7)]
    expect(diffAreas(previous, current).map((c) => [c.change, c.id, c.previousId])).toEqual([
      ['new', 'small', null],
      ['grown', 'big', 'p'],
    ])
  })

  it('treats everything as new without a previous picture, and everything as gone without a current one', () => {
    const areas = [areaAt('a', 13.0, 55.7, 3)]
    expect(diffAreas([], areas).map((c) => c.change)).toEqual(['new'])
    expect(diffAreas(areas, []).map((c) => c.change)).toEqual(['gone'])
  })
})
