import type { Feature, FeatureCollection, Polygon } from 'geojson'
import { benjaminiHochberg } from './fdr.ts'
import { twoSidedP } from './normal.ts'

/** A confidence bin: −3/−2/−1 cold spot at 99/95/90 %, 0 not significant, 1/2/3 hot spot. */
export type ConfidenceBin = -3 | -2 | -1 | 0 | 1 | 2 | 3

/** One square cell of a study area: its column `i`, row `j` and value. */
export interface GridCell {
  i: number
  j: number
  value: number
}

export interface GiStarCell extends GridCell {
  /** Gi* z-score. */
  z: number
  /** Two-sided p-value of z. */
  p: number
  /** Benjamini–Hochberg adjusted p-value; only with `fdr: true`. */
  q?: number
  bin: ConfidenceBin
}

export interface GiStarOptions {
  fdr?: boolean
}

export interface GiStarResult {
  cells: GiStarCell[]
  /** Number of cells in the study area. */
  n: number
  /** Mean of the cell values, X̄. */
  mean: number
  /** Population standard deviation of the cell values, S. */
  sd: number
}

const defaults: Required<GiStarOptions> = {
  fdr: false, // correct the p-values for the number of cells (Benjamini–Hochberg) before binning
}

/** |z| thresholds of the 99, 95 and 90 % bins (two-sided). */
export const Z_THRESHOLDS = [2.576, 1.96, 1.645] as const
/** Significance levels of the 99, 95 and 90 % bins, for FDR-adjusted p-values. */
export const ALPHAS = [0.01, 0.05, 0.1] as const

/**
 * The bin of a z-score: ±3 when |z| ≥ 2.576, ±2 when ≥ 1.960, ±1 when ≥ 1.645, else 0.
 * @example confidenceBin(-2.1) // -2
 */
export function confidenceBin(z: number): ConfidenceBin {
  const level = Z_THRESHOLDS.findIndex((t) => Math.abs(z) >= t)
  return signedBin(z, level)
}

/** The bin from an FDR-adjusted p-value `q`: ±3 when q ≤ 0.01, ±2 when ≤ 0.05, ±1 when ≤ 0.10. */
export function adjustedBin(z: number, q: number): ConfidenceBin {
  return signedBin(z, ALPHAS.findIndex((a) => q <= a))
}

function signedBin(z: number, level: number): ConfidenceBin {
  if (level < 0 || z === 0) return 0
  return (Math.sign(z) * (3 - level)) as ConfidenceBin
}

/**
 * Getis-Ord Gi* (Getis & Ord 1995) of every cell of a square-grid study area, with binary
 * weights on the cell itself and its 8 surrounding cells; neighbours not in `cells` have weight 0.
 *
 *   Gi* = (Σⱼ wᵢⱼ xⱼ − X̄ Σⱼ wᵢⱼ) / (S √((n Σⱼ wᵢⱼ² − (Σⱼ wᵢⱼ)²) / (n − 1)))
 *   X̄ = Σⱼ xⱼ / n,  S = √(Σⱼ xⱼ² / n − X̄²)
 *
 * over all n cells. Where the statistic is undefined (all values equal, fewer than two cells,
 * or a cell whose neighbourhood is the whole area) z is 0, p is 1 and the bin is 0.
 * Cells come back in the order given; the input is not changed.
 * @example giStar([{ i: 0, j: 0, value: 3 }, { i: 5, j: 5, value: 0 }]).cells[0].z // 1 (two far cells)
 */
export function giStar(cells: readonly GridCell[], options: GiStarOptions = {}): GiStarResult {
  const { fdr } = { ...defaults, ...options }
  const n = cells.length
  // Cells are addressed by a number: (i − minI + 1) · stride + (j − minJ + 1), with a margin of
  // one so every neighbour of a cell has a distinct address too.
  let minI = Infinity
  let minJ = Infinity
  let maxJ = -Infinity
  for (const c of cells) {
    if (!Number.isInteger(c.i) || !Number.isInteger(c.j)) throw new RangeError(`cell ${c.i},${c.j} has an index that is not an integer`)
    if (!Number.isFinite(c.value)) throw new RangeError(`cell ${c.i},${c.j} has a value that is not a finite number`)
    minI = Math.min(minI, c.i)
    minJ = Math.min(minJ, c.j)
    maxJ = Math.max(maxJ, c.j)
  }
  const stride = maxJ - minJ + 3
  const address = (i: number, j: number) => (i - minI + 1) * stride + (j - minJ + 1)
  const byAddress = new Map<number, number>()
  let sum = 0
  let sumSq = 0
  for (const c of cells) {
    const key = address(c.i, c.j)
    if (byAddress.has(key)) throw new RangeError(`cell ${c.i},${c.j} appears twice`)
    byAddress.set(key, c.value)
    sum += c.value
    sumSq += c.value * c.value
  }
  const mean = n ? sum / n : 0
  // Σx²/n − X̄² can come out a hair below zero when all values are equal.
  const sd = n ? Math.sqrt(Math.max(0, sumSq / n - mean * mean)) : 0

  const scored = cells.map((c) => {
    let weights = 0
    let local = 0
    const centre = address(c.i, c.j)
    for (let di = -1; di <= 1; di++) {
      for (let dj = -1; dj <= 1; dj++) {
        const v = byAddress.get(centre + di * stride + dj)
        if (v === undefined) continue
        weights += 1
        local += v
      }
    }
    // Binary weights: Σw² = Σw = k, so n Σw² − (Σw)² = k (n − k).
    const spread = (n * weights - weights * weights) / (n - 1)
    const z = n > 1 && sd > 0 && spread > 0 ? (local - mean * weights) / (sd * Math.sqrt(spread)) : 0
    return { i: c.i, j: c.j, value: c.value, z, p: twoSidedP(z) }
  })

  if (!fdr) return { n, mean, sd, cells: scored.map((c) => ({ ...c, bin: confidenceBin(c.z) })) }
  const adjusted = benjaminiHochberg(scored.map((c) => c.p))
  return { n, mean, sd, cells: scored.map((c, k) => ({ ...c, q: adjusted[k]!, bin: adjustedBin(c.z, adjusted[k]!) })) }
}

/** Properties a grid cell feature must carry for `giStarGrid`. */
export type GridCellProperties = GridCell & Record<string, unknown>

/**
 * Gi* on a FeatureCollection of square cells (GeoJSON in, GeoJSON out): every feature comes
 * back with its geometry and properties plus `z`, `p`, `bin` (and `q` with `fdr`).
 * The features are the whole study area: empty cells must be present with value 0.
 */
export function giStarGrid<P extends GridCellProperties>(
  grid: FeatureCollection<Polygon, P>,
  options: GiStarOptions = {},
): FeatureCollection<Polygon, P & Omit<GiStarCell, keyof GridCell>> {
  const { cells } = giStar(
    grid.features.map((f) => ({ i: f.properties.i, j: f.properties.j, value: f.properties.value })),
    options,
  )
  const features = grid.features.map((f, k): Feature<Polygon, P & Omit<GiStarCell, keyof GridCell>> => {
    const { z, p, q, bin } = cells[k]!
    return { ...f, properties: { ...f.properties, z, p, ...(q === undefined ? {} : { q }), bin } }
  })
  return { ...grid, features }
}
