import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { booleanClockwise, booleanPointInPolygon, point } from '@turf/turf'
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { between, seededRandom } from '../test/random.ts'
import { cellCenter, cellPolygon, cellRange, cellSize, gridKey, type GridKey } from './grid-key.ts'
import { MAX_LATITUDE } from './web-mercator.ts'

/*
 * Fixtures: each `fixtures/in/<name>.geojson` is a FeatureCollection of points with the zoom in
 * a top-level foreign member `"zoom"` (and an optional `"description"`). The matching
 * `fixtures/out/<name>.geojson` holds the cells those points fall in, drawn with `cellPolygon`
 * and styled with `fill`/`stroke` and a `count`, followed by the input points with a `cell` key
 * and a `marker-color` matching their cell. Open either file in any GeoJSON viewer.
 * Regenerate the outputs with `REGEN=1 npx vitest run --project unit` and review the diff.
 */

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url))

/** Nine colours; `cellColor` gives neighbouring cells, diagonals included, different ones. */
const PALETTE = ['#e41a1c', '#377eb8', '#4daf4a', '#984ea3', '#ff7f00', '#a65628', '#f781bf', '#999999', '#17becf']

function cellColor({ x, y }: GridKey): string {
  const mod3 = (n: number) => ((n % 3) + 3) % 3
  return PALETTE[mod3(x) + 3 * mod3(y)]!
}

type PointFixture = FeatureCollection<Point> & { zoom: number; description?: string }

/** Rounds coordinates to 1e-9 degrees (about 0.1 mm) so outputs do not depend on the last bit. */
function roundCoordinates(polygon: Feature<Polygon, GridKey>): Feature<Polygon, GridKey> {
  const round = (n: number) => Math.round(n * 1e9) / 1e9
  const coordinates = polygon.geometry.coordinates.map((ring) => ring.map((pos) => pos.map(round)))
  return { ...polygon, geometry: { type: 'Polygon', coordinates } }
}

/** The styled fixture output for a FeatureCollection of points: cells first, then the points. */
function styledCells(input: PointFixture): FeatureCollection {
  const { type, features, ...foreign } = input
  const cells = new Map<string, { key: GridKey; count: number }>()
  const points = features.map((pt) => {
    const key = gridKey(pt, input.zoom)
    const id = `${key.zoom}/${key.x}/${key.y}`
    const cell = cells.get(id) ?? { key, count: 0 }
    cell.count += 1
    cells.set(id, cell)
    return { ...pt, properties: { ...pt.properties, cell: id, 'marker-color': cellColor(key) } }
  })
  const polygons = [...cells.values()].map(({ key, count }) => {
    const polygon = roundCoordinates(cellPolygon(key))
    const color = cellColor(key)
    const style = { fill: color, 'fill-opacity': 0.2, stroke: color, 'stroke-width': 2 }
    return { ...polygon, properties: { ...polygon.properties, count, ...style } }
  })
  return { type, ...foreign, features: [...polygons, ...points] }
}

/** One feature per line: small diffs, and still valid GeoJSON for any viewer. */
function formatFixture({ features, ...members }: FeatureCollection): string {
  const head = Object.entries(members).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},\n`)
  const body = features.map((f) => `    ${JSON.stringify(f)}`).join(',\n')
  return `{\n${head.join('')}  "features": [\n${body}\n  ]\n}\n`
}

describe('gridKey fixtures', () => {
  const names = readdirSync(`${fixtures}in`).filter((f) => f.endsWith('.geojson'))

  it('has fixtures', () => {
    expect(names.length).toBeGreaterThan(0)
  })

  it.each(names)('%s', (name) => {
    const input = JSON.parse(readFileSync(`${fixtures}in/${name}`, 'utf8')) as PointFixture
    expect(Number.isInteger(input.zoom), 'top-level "zoom" member').toBe(true)
    const before = structuredClone(input)
    const actual = styledCells(input)
    if (process.env.REGEN) writeFileSync(`${fixtures}out/${name}`, formatFixture(actual))
    const expected = JSON.parse(readFileSync(`${fixtures}out/${name}`, 'utf8'))
    expect(actual).toEqual(expected)
    expect(input, 'input not mutated').toEqual(before)
  })
})

describe('cellSize', () => {
  it('gives the same double as the SQL function trygg_cell_size', () => {
    // SELECT 60 * 2 * pi() * 6378137 / (256 * power(2, 0)) in PostgreSQL
    expect(cellSize(0)).toBe(9392582.035682457)
  })

  it('halves exactly with each zoom', () => {
    for (let z = 0; z < 20; z++) expect(cellSize(z + 1)).toBe(cellSize(z) / 2)
  })
})

describe('gridKey', () => {
  it('matches its documented example', () => {
    expect(gridKey(point([13.1, 55.79]), 12)).toEqual({ zoom: 12, x: 635, y: 3277 })
  })

  it('puts a point on the equator or the prime meridian in the cell north and east of it', () => {
    for (let z = 0; z <= 20; z++) {
      expect(gridKey(point([0, 0]), z)).toEqual({ zoom: z, x: 0, y: 0 })
      expect(gridKey(point([-1e-9, -1e-9]), z)).toEqual({ zoom: z, x: -1, y: -1 })
    }
  })

  it('nests: the key at zoom z+1 shifted right by one is the key at zoom z', () => {
    const next = seededRandom(1)
    for (let i = 0; i < 2000; i++) {
      const pt = point([between(next, -180, 180), between(next, -90, 90)])
      for (let z = 0; z < 20; z++) {
        const parent = gridKey(pt, z)
        const child = gridKey(pt, z + 1)
        expect([child.x >> 1, child.y >> 1]).toEqual([parent.x, parent.y])
      }
    }
  })

  it('clamps latitudes beyond the Web Mercator square', () => {
    for (let z = 0; z <= 20; z++) {
      expect(gridKey(point([10, 90]), z)).toEqual(gridKey(point([10, MAX_LATITUDE]), z))
      expect(gridKey(point([10, -90]), z)).toEqual(gridKey(point([10, -MAX_LATITUDE]), z))
    }
  })

  it('does not mutate its input', () => {
    const pt = point([13.11, 55.794], { name: 'Kävlinge station' })
    const before = structuredClone(pt)
    gridKey(pt, 14)
    expect(pt).toEqual(before)
  })
})

describe('cellRange', () => {
  it('covers every point inside a bbox', () => {
    const next = seededRandom(2)
    for (let i = 0; i < 300; i++) {
      const zoom = Math.floor(between(next, 0, 21))
      const lon = [between(next, -180, 180), between(next, -180, 180)].sort((a, b) => a - b)
      const lat = [between(next, -89, 89), between(next, -89, 89)].sort((a, b) => a - b)
      const bbox = Object.freeze([lon[0]!, lat[0]!, lon[1]!, lat[1]!] as const)
      const range = cellRange(bbox, zoom)
      const corners = [point([bbox[0], bbox[1]]), point([bbox[2], bbox[3]])]
      for (const pt of [...corners, ...Array.from({ length: 20 }, () => point([between(next, bbox[0], bbox[2]), between(next, bbox[1], bbox[3])]))]) {
        const { x, y } = gridKey(pt, zoom)
        expect(x).toBeGreaterThanOrEqual(range.minX)
        expect(x).toBeLessThanOrEqual(range.maxX)
        expect(y).toBeGreaterThanOrEqual(range.minY)
        expect(y).toBeLessThanOrEqual(range.maxY)
      }
    }
  })

  it('is the single cell of a bbox inside one cell', () => {
    const key = gridKey(point([13.11, 55.794]), 14)
    const [lon, lat] = cellCenter(key)
    expect(cellRange([lon - 1e-6, lat - 1e-6, lon + 1e-6, lat + 1e-6], 14)).toEqual({
      zoom: 14,
      minX: key.x,
      minY: key.y,
      maxX: key.x,
      maxY: key.y,
    })
  })
})

describe('cellCenter and cellPolygon', () => {
  const next = seededRandom(3)
  const keys = Array.from({ length: 200 }, () => {
    const zoom = Math.floor(between(next, 0, 21))
    return Object.freeze(gridKey(point([between(next, -180, 180), between(next, -85, 85)]), zoom))
  })

  it('centre lies in its own cell', () => {
    for (const key of keys) expect(gridKey(point(cellCenter(key)), key.zoom)).toEqual(key)
  })

  it('polygon is a closed counter-clockwise ring around the centre, carrying the key', () => {
    for (const key of keys) {
      const polygon = cellPolygon(key)
      const ring = polygon.geometry.coordinates[0]!
      expect(ring).toHaveLength(5)
      expect(ring[4]).toEqual(ring[0])
      expect(booleanClockwise(ring)).toBe(false)
      expect(booleanPointInPolygon(cellCenter(key), polygon)).toBe(true)
      expect(polygon.properties).toEqual(key)
      expect(polygon.properties).not.toBe(key)
    }
  })
})
