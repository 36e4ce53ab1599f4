import { describe, expect, it } from 'vitest'
import { binColor, SCORE_COLORS, scoreColor, scoreSteps } from './hotspot-colors.ts'

describe('scoreColor', () => {
  it('spreads scores over five steps of the highest score', () => {
    expect(scoreColor(100, 100)).toBe(SCORE_COLORS[4])
    expect(scoreColor(80, 100)).toBe(SCORE_COLORS[4])
    expect(scoreColor(79.9, 100)).toBe(SCORE_COLORS[3])
    expect(scoreColor(0, 100)).toBe(SCORE_COLORS[0])
    expect(scoreColor(5, 0)).toBe(SCORE_COLORS[0])
  })

  it('labels the steps by their upper bound', () => {
    expect(scoreSteps(24)).toEqual([4.8, 9.6, 14.4, 19.2, 24])
  })
})

describe('binColor', () => {
  it('is red for hot, blue for cold and grey otherwise', () => {
    expect(binColor(3)).toBe('#d73027')
    expect(binColor(-3)).toBe('#4575b4')
    expect(binColor(0)).toBe('#f7f7f7')
    expect(binColor(9)).toBe('#f7f7f7')
  })
})
