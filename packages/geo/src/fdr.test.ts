import { describe, expect, it } from 'vitest'
import { benjaminiHochberg } from './fdr.ts'

describe('benjaminiHochberg', () => {
  it('matches the adjustment computed by hand', () => {
    // sorted p: 0.01 (r1), 0.03 (r2), 0.04 (r3), 0.2 (r4); m = 4
    // r4: 0.2·4/4 = 0.2; r3: 0.04·4/3 = 0.05333; r2: min(0.03·4/2 = 0.06, 0.05333) = 0.05333; r1: 0.01·4 = 0.04
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.2])
    expect(q[0]).toBeCloseTo(0.04, 15)
    expect(q[1]).toBeCloseTo(0.16 / 3, 15)
    expect(q[2]).toBeCloseTo(0.16 / 3, 15)
    expect(q[3]).toBeCloseTo(0.2, 15)
  })

  it('never lowers a p-value and caps at 1', () => {
    const p = [0.9, 0.5, 0.95, 1, 0.001]
    const q = benjaminiHochberg(p)
    q.forEach((v, k) => {
      expect(v).toBeGreaterThanOrEqual(p[k]!)
      expect(v).toBeLessThanOrEqual(1)
    })
  })

  it('keeps ties equal and handles an empty list', () => {
    expect(benjaminiHochberg([0.02, 0.02, 0.02])).toEqual([0.02, 0.02, 0.02])
    expect(benjaminiHochberg([])).toEqual([])
  })
})
