import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('configuration of resident abuse protection and the nearby hint', () => {
  it('defaults to anti-bot on, 20 writes a minute, a 25 m radius and a per-process secret', () => {
    const c = loadConfig({})
    expect([c.antibot, c.rateLimitPerMin, c.nearbyRadiusM, c.antibotSecret]).toEqual([true, 20, 25, null])
  })

  it('reads TRYGG_ANTIBOT, TRYGG_RATE_LIMIT_PER_MIN, TRYGG_NEARBY_RADIUS_M and TRYGG_ANTIBOT_SECRET', () => {
    const secret = 'x'.repeat(32)
    const c = loadConfig({ TRYGG_ANTIBOT: 'off', TRYGG_RATE_LIMIT_PER_MIN: '0', TRYGG_NEARBY_RADIUS_M: '40', TRYGG_ANTIBOT_SECRET: secret })
    expect([c.antibot, c.rateLimitPerMin, c.nearbyRadiusM, c.antibotSecret]).toEqual([false, 0, 40, secret])
  })

  it('stops at start-up on invalid values, naming the variable', () => {
    expect(() => loadConfig({ TRYGG_ANTIBOT: 'maybe' })).toThrow(/TRYGG_ANTIBOT/)
    expect(() => loadConfig({ TRYGG_RATE_LIMIT_PER_MIN: '-1' })).toThrow(/TRYGG_RATE_LIMIT_PER_MIN/)
    expect(() => loadConfig({ TRYGG_NEARBY_RADIUS_M: '0' })).toThrow(/TRYGG_NEARBY_RADIUS_M/)
    expect(() => loadConfig({ TRYGG_ANTIBOT_SECRET: 'short' })).toThrow(ConfigError)
  })
})
