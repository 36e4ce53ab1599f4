import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config/config.ts'

describe('TRYGG_POLICE_EFFECT_WEEKS', () => {
  it('defaults to 4 weeks and takes 1 to 52', () => {
    expect(loadConfig({}).policeEffectWeeks).toBe(4)
    expect(loadConfig({ TRYGG_POLICE_EFFECT_WEEKS: '12' }).policeEffectWeeks).toBe(12)
  })

  it.each(['0', '53', 'four', '2.5'])('stops start-up at %j, naming the variable', (value) => {
    expect(() => loadConfig({ TRYGG_POLICE_EFFECT_WEEKS: value })).toThrow(/TRYGG_POLICE_EFFECT_WEEKS must be an integer from 1 to 52/)
  })
})
