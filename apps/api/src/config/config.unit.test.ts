import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('has working defaults', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ port: 8080, databaseUrl: null, demo: true, sensitiveMinCount: 5, sensitiveMaxZoom: 14 })
    expect(c.map.tileUrl).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png')
    expect(c.map.attribution).toMatch(/OpenStreetMap/)
    expect(Object.isFrozen(c)).toBe(true)
  })

  it('reads the environment', () => {
    const c = loadConfig({ PORT: '9000', DATABASE_URL: 'postgres://u@h/db', TRYGG_DEMO: '0', TRYGG_DATA_DIR: '/tmp/x', TRYGG_TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png' })
    expect(c).toMatchObject({ port: 9000, databaseUrl: 'postgres://u@h/db', demo: false, dataDir: '/tmp/x' })
    expect(c.map.tileUrl).toBe('https://tiles.example/{z}/{x}/{y}.png')
  })

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['TRYGG_DEMO', { TRYGG_DEMO: 'maybe' }],
    ['TRYGG_TILE_URL', { TRYGG_TILE_URL: 'https://tiles.example/tile.png' }],
    ['TRYGG_SENSITIVE_MIN_COUNT', { TRYGG_SENSITIVE_MIN_COUNT: '0' }],
  ])('stops with a message naming %s', (name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(name)
  })
})
