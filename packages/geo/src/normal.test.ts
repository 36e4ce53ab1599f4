import { describe, expect, it } from 'vitest'
import { erfc, twoSidedP } from './normal.ts'

describe('erfc', () => {
  // Reference values: Abramowitz & Stegun table 7.1 and the closed forms erfc(0) = 1, erfc(-x) = 2 - erfc(x).
  it.each([
    [0, 1],
    [0.5, 0.4795001221869535],
    [1, 0.1572992070502851],
    [2, 0.004677734981047266],
    [2.5, 4.069520174449590e-4],
    [3, 2.209049699858544e-5],
    [5, 1.537459794428035e-12],
    [10, 2.088487583762545e-45],
  ])('erfc(%d)', (x, expected) => {
    expect(Math.abs(erfc(x) - expected) / expected).toBeLessThan(1e-13)
  })

  it('is continuous where it switches from the series to the continued fraction', () => {
    expect(Math.abs(erfc(2.5 - 1e-12) - erfc(2.5)) / erfc(2.5)).toBeLessThan(1e-10)
  })

  it('reflects negative arguments', () => {
    expect(erfc(-1)).toBeCloseTo(2 - 0.1572992070502851, 15)
    expect(erfc(-30)).toBe(2)
  })

  it('underflows to 0 far out and is NaN for NaN', () => {
    expect(erfc(40)).toBe(0)
    expect(erfc(NaN)).toBeNaN()
  })
})

describe('twoSidedP', () => {
  it('gives the familiar levels at the familiar critical values', () => {
    expect(twoSidedP(1.6448536269514722)).toBeCloseTo(0.1, 14)
    expect(twoSidedP(-1.959963984540054)).toBeCloseTo(0.05, 14)
    expect(twoSidedP(2.5758293035489004)).toBeCloseTo(0.01, 14)
  })

  it('is 1 at z = 0 and symmetric', () => {
    expect(twoSidedP(0)).toBe(1)
    expect(twoSidedP(1.3)).toBe(twoSidedP(-1.3))
  })
})
