import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { FeatureCollection, Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { between, seededRandom } from '../test/random.ts'
import { adjustedBin, confidenceBin, giStar, giStarGrid, type ConfidenceBin, type GiStarOptions, type GridCell, type GridCellProperties } from './gi-star.ts'

/*
 * Fixtures: each `fixtures/gi-star/in/<name>.geojson` is a study area as a FeatureCollection of
 * square cell polygons with properties `i`, `j` (column, row) and `value`, every cell of the area
 * present (empty ones with value 0). Options for `giStarGrid` sit in a top-level foreign member
 * `"options"`. `fixtures/gi-star/out/<name>.geojson` is the result, each cell filled with the
 * colour of its confidence bin. Regenerate with `REGEN=1 npx vitest run --project unit packages/geo`.
 */

const fixtures = fileURLToPath(new URL('../fixtures/gi-star/', import.meta.url))

/** Colours of the bins −3…3 (the usual diverging hot-spot palette); the web map uses the same. */
const BIN_FILL: Record<ConfidenceBin, string> = {
  [-3]: '#4575b4',
  [-2]: '#91bfdb',
  [-1]: '#e0f3f8',
  0: '#f7f7f7',
  1: '#fee090',
  2: '#fc8d59',
  3: '#d73027',
}

type GridFixture = FeatureCollection<Polygon, GridCellProperties> & { options?: GiStarOptions; description?: string }

/** 12 significant digits: the last bits of z and p may differ between libm versions. */
const round = (v: number) => Number(v.toPrecision(12))

function styled(input: GridFixture): FeatureCollection {
  const { options, ...rest } = input
  const result = giStarGrid(input, options)
  const features = result.features.map((f) => {
    const { z, p, q, bin, ...props } = f.properties
    return {
      ...f,
      properties: {
        ...props,
        z: round(z),
        p: round(p),
        ...(q === undefined ? {} : { q: round(q) }),
        bin,
        fill: BIN_FILL[bin],
        'fill-opacity': 0.75,
        stroke: '#555555',
        'stroke-width': 1,
      },
    }
  })
  return { ...rest, ...(options ? { options } : {}), features } as FeatureCollection
}

function formatFixture({ features, ...members }: FeatureCollection): string {
  const head = Object.entries(members).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},\n`)
  const body = features.map((f) => `    ${JSON.stringify(f)}`).join(',\n')
  return `{\n${head.join('')}  "features": [\n${body}\n  ]\n}\n`
}

describe('giStarGrid fixtures', () => {
  const names = readdirSync(`${fixtures}in`).filter((f) => f.endsWith('.geojson'))

  it('has fixtures', () => {
    expect(names.length).toBeGreaterThan(0)
  })

  it.each(names)('%s', (name) => {
    const input = JSON.parse(readFileSync(`${fixtures}in/${name}`, 'utf8')) as GridFixture
    const before = structuredClone(input)
    const actual = styled(input)
    if (process.env.REGEN) writeFileSync(`${fixtures}out/${name}`, formatFixture(actual))
    expect(actual).toEqual(JSON.parse(readFileSync(`${fixtures}out/${name}`, 'utf8')))
    expect(input, 'input not mutated').toEqual(before)
  })
})

/** The 5×5 grid of the `hand-5x5-cluster` fixture: 5 in the centre (2,2), 2 in each of its 8 neighbours. */
function handGrid(centre: number, ring: number): GridCell[] {
  const cells: GridCell[] = []
  for (let i = 0; i < 5; i++) {
    for (let j = 0; j < 5; j++) {
      const d = Math.max(Math.abs(i - 2), Math.abs(j - 2))
      cells.push({ i, j, value: d === 0 ? centre : d === 1 ? ring : 0 })
    }
  }
  return cells
}

const at = <C extends GridCell>(cells: C[], i: number, j: number): C => cells.find((c) => c.i === i && c.j === j)!

describe('giStar by hand', () => {
  it('scores the 5×5 cluster as computed by hand', () => {
    // n = 25, Σx = 5 + 8·2 = 21, X̄ = 0.84, Σx² = 25 + 8·4 = 57, S = √(57/25 − 0.84²) = √1.5744 = 1.254751
    const result = giStar(handGrid(5, 2))
    expect(result.n).toBe(25)
    expect(result.mean).toBeCloseTo(0.84, 12)
    expect(result.sd).toBeCloseTo(Math.sqrt(1.5744), 12)
    const S = Math.sqrt(1.5744)
    // (2,2): 9 neighbours, Σwx = 21; (21 − 0.84·9) / (S √((25·9 − 81)/24)) = 13.44 / (S √6) = 4.372865
    expect(at(result.cells, 2, 2)).toMatchObject({ value: 5, bin: 3 })
    expect(at(result.cells, 2, 2).z).toBeCloseTo(13.44 / (S * Math.sqrt(6)), 12)
    expect(at(result.cells, 2, 2).z).toBeCloseTo(4.372865, 6)
    // (2,1): 9 neighbours, Σwx = 2+2+2 + 2+5+2 = 15; (15 − 7.56) / (S √6) = 2.420693 → 95 %
    expect(at(result.cells, 2, 1).z).toBeCloseTo(7.44 / (S * Math.sqrt(6)), 12)
    expect(at(result.cells, 2, 1).bin).toBe(2)
    // (1,1): 9 neighbours, Σwx = 2+2+2+5 = 11; (11 − 7.56) / (S √6) = 1.119245 → not significant
    expect(at(result.cells, 1, 1).z).toBeCloseTo(3.44 / (S * Math.sqrt(6)), 12)
    expect(at(result.cells, 1, 1).bin).toBe(0)
    // (2,0): on the edge, 6 neighbours, Σwx = 6; (6 − 0.84·6) / (S √((25·6 − 36)/24)) = 0.96 / (S √4.75) = 0.351048
    expect(at(result.cells, 2, 0).z).toBeCloseTo(0.96 / (S * Math.sqrt(4.75)), 12)
    // (0,0): a corner, 4 neighbours, Σwx = 2; (2 − 3.36) / (S √((100 − 16)/24)) = −1.36 / (S √3.5) = −0.579358
    expect(at(result.cells, 0, 0).z).toBeCloseTo(-1.36 / (S * Math.sqrt(3.5)), 12)
    // p = 2(1 − Φ(|z|)); Φ(4.372865) = 0.99999386868 → p = 1.2263e-5
    expect(at(result.cells, 2, 2).p).toBeCloseTo(1.22626e-5, 9)
  })

  it('scores a severity-weighted grid as computed by hand', () => {
    // centre 5 pins of severity 1 = 5; neighbours 2 pins of severity 4 = 8 each.
    // Σx = 69, X̄ = 2.76, Σx² = 25 + 8·64 = 537, S² = 21.48 − 7.6176 = 13.8624, S = 3.723224
    // (2,2): (69 − 24.84) / (S √6) = 44.16 / 9.12 = 4.842105
    const result = giStar(handGrid(5, 8))
    expect(at(result.cells, 2, 2).z).toBeCloseTo(44.16 / 9.12, 12)
  })

  it('gives 0 where the statistic is undefined', () => {
    expect(giStar(handGrid(1, 1).map((c) => ({ ...c, value: 3 }))).cells.every((c) => c.z === 0 && c.p === 1 && c.bin === 0)).toBe(true)
    expect(giStar([{ i: 0, j: 0, value: 4 }]).cells[0]).toMatchObject({ z: 0, p: 1, bin: 0 })
    // Two neighbouring cells: each one's neighbourhood is the whole area (k = n), so z is 0.
    expect(giStar([{ i: 0, j: 0, value: 4 }, { i: 1, j: 0, value: 0 }]).cells.map((c) => c.z)).toEqual([0, 0])
    expect(giStar([]).cells).toEqual([])
  })

  it('ignores neighbours outside the study area', () => {
    // Two far-apart cells: k = 1 each, X̄ = 1.5, S = 1.5; z = (3 − 1.5) / (1.5 · √((2−1)/1)) = 1
    const result = giStar([{ i: 0, j: 0, value: 3 }, { i: 5, j: 5, value: 0 }])
    expect(result.cells.map((c) => c.z)).toEqual([1, -1])
  })

  it('refuses duplicate cells and values that are not finite', () => {
    expect(() => giStar([{ i: 0, j: 0, value: 1 }, { i: 0, j: 0, value: 2 }])).toThrow(/twice/)
    expect(() => giStar([{ i: 0, j: 0, value: NaN }])).toThrow(/finite/)
    expect(() => giStar([{ i: 0.5, j: 0, value: 1 }])).toThrow(/integer/)
  })

  it('keeps the order of the cells and does not change them', () => {
    const next = seededRandom(5)
    const cells = Array.from({ length: 40 }, (_, k) => Object.freeze({ i: k % 7, j: Math.floor(k / 7), value: Math.floor(between(next, 0, 6)) }))
    const result = giStar(cells, { fdr: true })
    expect(result.cells.map(({ i, j, value }) => ({ i, j, value }))).toEqual(cells)
  })

  it('has a mean z of about 0 and the sign of the local deviation', () => {
    const next = seededRandom(9)
    const cells: GridCell[] = []
    for (let i = 0; i < 30; i++) for (let j = 0; j < 30; j++) cells.push({ i, j, value: Math.floor(between(next, 0, 5)) })
    const { cells: scored, mean } = giStar(cells)
    for (const c of scored) {
      let local = 0
      let k = 0
      for (const d of cells) if (Math.abs(d.i - c.i) <= 1 && Math.abs(d.j - c.j) <= 1) (local += d.value), (k += 1)
      expect(Math.sign(c.z)).toBe(Math.sign(Number((local / k - mean).toFixed(12))))
    }
  })
})

describe('bins', () => {
  it.each([
    [2.576, 3], [2.5759, 2], [1.96, 2], [1.9599, 1], [1.645, 1], [1.6449, 0], [0, 0],
    [-1.645, -1], [-1.96, -2], [-2.576, -3], [-10, -3],
  ])('z %d → bin %d', (z, bin) => {
    expect(confidenceBin(z)).toBe(bin)
  })

  it('bins FDR-adjusted p-values at 0.01, 0.05 and 0.10 with the sign of z', () => {
    expect(adjustedBin(3, 0.01)).toBe(3)
    expect(adjustedBin(3, 0.011)).toBe(2)
    expect(adjustedBin(-3, 0.05)).toBe(-2)
    expect(adjustedBin(-3, 0.1)).toBe(-1)
    expect(adjustedBin(3, 0.100001)).toBe(0)
  })

  it('with fdr, bins only cells whose adjusted p passes, so never more than without', () => {
    const input = JSON.parse(readFileSync(`${fixtures}in/fdr-12x12.geojson`, 'utf8')) as GridFixture
    const cells = input.features.map((f) => f.properties)
    const plain = giStar(cells)
    const corrected = giStar(cells, { fdr: true })
    const significant = (r: typeof plain) => r.cells.filter((c) => c.bin !== 0).length
    expect(significant(corrected)).toBeLessThan(significant(plain))
    corrected.cells.forEach((c, k) => {
      expect(Math.abs(c.bin)).toBeLessThanOrEqual(Math.abs(plain.cells[k]!.bin))
      expect(c.q).toBeGreaterThanOrEqual(c.p)
    })
  })
})
