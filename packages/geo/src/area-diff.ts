import { area, booleanIntersects, featureCollection, intersect, polygon } from '@turf/turf'
import type { Polygon } from 'geojson'

/** An area of one picture of the situation: its polygon and how many pins it holds. */
export interface DiffArea {
  id: string
  geometry: Polygon
  centroid: [number, number] | number[]
  pinCount: number
}

export type AreaChangeKind = 'new' | 'grown' | 'shrunk' | 'unchanged' | 'gone'

export interface AreaChangeOf {
  change: AreaChangeKind
  /** The current area, or for `gone` the previous one. */
  id: string
  previousId: string | null
  centroid: number[]
  pinCount: number
  previousPinCount: number
}

/**
 * What changed between two sets of areas. Areas are matched one to one by overlap: the pair
 * that shares the largest surface first, then the next among those still unmatched. A current
 * area without a match is `new`, a previous one without a match is `gone`; a matched area
 * `grew`, `shrank` or is `unchanged` by its pin count. Current areas come first in their order,
 * then the gone ones in theirs. Inputs are not mutated.
 * @example diffAreas([], [{ id: 'a', geometry, centroid, pinCount: 4 }]) // [{ change: 'new', id: 'a', … }]
 */
export function diffAreas(previous: readonly DiffArea[], current: readonly DiffArea[]): AreaChangeOf[] {
  const pairs: { p: number; c: number; overlap: number }[] = []
  previous.forEach((pa, p) => {
    const pf = polygon(pa.geometry.coordinates)
    current.forEach((ca, c) => {
      const cf = polygon(ca.geometry.coordinates)
      if (!booleanIntersects(pf, cf)) return
      const shared = intersect(featureCollection([pf, cf]))
      pairs.push({ p, c, overlap: shared ? area(shared) : 0 })
    })
  })
  pairs.sort((a, b) => b.overlap - a.overlap || a.c - b.c || a.p - b.p)
  const matchOfCurrent = new Map<number, number>()
  const matchedPrevious = new Set<number>()
  for (const { p, c } of pairs) {
    if (matchOfCurrent.has(c) || matchedPrevious.has(p)) continue
    matchOfCurrent.set(c, p)
    matchedPrevious.add(p)
  }
  const changes: AreaChangeOf[] = current.map((ca, c) => {
    const p = matchOfCurrent.get(c)
    const pa = p === undefined ? null : previous[p]!
    const before = pa?.pinCount ?? 0
    const change: AreaChangeKind = !pa ? 'new' : ca.pinCount > before ? 'grown' : ca.pinCount < before ? 'shrunk' : 'unchanged'
    return { change, id: ca.id, previousId: pa?.id ?? null, centroid: [...ca.centroid], pinCount: ca.pinCount, previousPinCount: before }
  })
  previous.forEach((pa, p) => {
    if (!matchedPrevious.has(p)) changes.push({ change: 'gone', id: pa.id, previousId: pa.id, centroid: [...pa.centroid], pinCount: 0, previousPinCount: pa.pinCount })
  })
  return changes
}
