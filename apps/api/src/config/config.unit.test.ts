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

  it('reads the public URL and the Open311 discovery texts', () => {
    expect(loadConfig({}).publicUrl).toBeNull()
    const c = loadConfig({ TRYGG_PUBLIC_URL: 'https://trygg.example.se/', TRYGG_OPEN311_CONTACT: 'trygghet@example.se', TRYGG_OPEN311_KEY_SERVICE: 'Ask trygghet@example.se' })
    expect(c.publicUrl).toBe('https://trygg.example.se')
    expect(c.open311).toEqual({ contact: 'trygghet@example.se', keyService: 'Ask trygghet@example.se' })
    expect(loadConfig({}).open311.contact).toMatch(/municipality/)
  })

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['TRYGG_DEMO', { TRYGG_DEMO: 'maybe' }],
    ['TRYGG_TILE_URL', { TRYGG_TILE_URL: 'https://tiles.example/tile.png' }],
    ['TRYGG_SENSITIVE_MIN_COUNT', { TRYGG_SENSITIVE_MIN_COUNT: '0' }],
    ['TRYGG_PUBLIC_URL', { TRYGG_PUBLIC_URL: 'trygg.example.se' }],
    ['TRYGG_PUBLIC_URL', { TRYGG_PUBLIC_URL: 'https://trygg.example.se/?x=1' }],
    ['TRYGG_PUBLIC_ORIGIN', { TRYGG_PUBLIC_ORIGIN: 'trygg.example.se' }],
    ['TRYGG_PUBLIC_ORIGIN', { TRYGG_PUBLIC_ORIGIN: 'https://trygg.example.se/personal' }],
    ['TRYGG_PUBLIC_ORIGIN', { TRYGG_PUBLIC_ORIGIN: 'ftp://trygg.example.se' }],
    ['TRYGG_TRUST_PROXY', { TRYGG_TRUST_PROXY: 'the proxy' }],
    ['TRYGG_TRUST_PROXY', { TRYGG_TRUST_PROXY: '10.0.0.0/999' }],
    ['TRYGG_TRUST_PROXY', { TRYGG_TRUST_PROXY: '2' }],
    ['TRYGG_SESSION_IDLE_MINUTES', { TRYGG_SESSION_IDLE_MINUTES: '0' }],
    ['TRYGG_SESSION_ABSOLUTE_HOURS', { TRYGG_SESSION_ABSOLUTE_HOURS: '1.5' }],
    ['TRYGG_COOKIE_SECURE', { TRYGG_COOKIE_SECURE: 'sometimes' }],
  ])('stops with a message naming %s', (name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(name)
  })

  it('reads the staff session settings', () => {
    expect(loadConfig({}).session).toEqual({ idleMinutes: 30, absoluteHours: 12, cookieSecure: 'auto' })
    expect(loadConfig({}).publicOrigin).toBeNull()
    expect(loadConfig({}).trustProxy).toBe(false)
    const c = loadConfig({
      TRYGG_PUBLIC_ORIGIN: 'https://trygg.example.se/',
      TRYGG_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
      TRYGG_SESSION_IDLE_MINUTES: '15',
      TRYGG_SESSION_ABSOLUTE_HOURS: '8',
      TRYGG_COOKIE_SECURE: '0',
    })
    expect(c.publicOrigin).toBe('https://trygg.example.se')
    expect(c.trustProxy).toBe('10.0.0.0/8,127.0.0.1')
    expect(c.session).toEqual({ idleMinutes: 15, absoluteHours: 8, cookieSecure: false })
    expect(loadConfig({ TRYGG_TRUST_PROXY: 'true' }).trustProxy).toBe(true)
  })

  it('keeps photos in the data folder unless told otherwise', () => {
    expect(loadConfig({ TRYGG_DATA_DIR: '/srv/trygg' }).photoDir).toBe('/srv/trygg/photos')
    expect(loadConfig({ TRYGG_DATA_DIR: '/srv/trygg', TRYGG_PHOTO_DIR: '/mnt/photos/' }).photoDir).toBe('/mnt/photos')
    expect(loadConfig({ TRYGG_DATA_DIR: 'memory://' }).photoDir).toMatch(/trygg-photos$/)
  })

  it('reads the geocoder: the public Nominatim by default, another service, or off', () => {
    expect(loadConfig({}).geocoder).toMatchObject({ url: 'https://nominatim.openstreetmap.org', userAgent: expect.stringMatching(/^Trygg/), attribution: expect.stringMatching(/OpenStreetMap/) })
    expect(loadConfig({ TRYGG_GEOCODER_URL: 'http://10.0.0.5:8088/nominatim/', TRYGG_GEOCODER_USER_AGENT: 'Trygg Kävlinge (it@kavlinge.se)' }).geocoder).toMatchObject({
      url: 'http://10.0.0.5:8088/nominatim',
      userAgent: 'Trygg Kävlinge (it@kavlinge.se)',
    })
    expect(loadConfig({ TRYGG_GEOCODER_URL: 'off' }).geocoder.url).toBeNull()
    expect(() => loadConfig({ TRYGG_GEOCODER_URL: 'nominatim.example' })).toThrow(/TRYGG_GEOCODER_URL/)
    expect(() => loadConfig({ TRYGG_GEOCODER_USER_AGENT: ' ' })).toThrow(/TRYGG_GEOCODER_USER_AGENT/)
  })

  it('reads the retention period', () => {
    expect(loadConfig({}).retentionDays).toBe(365)
    expect(loadConfig({ TRYGG_RETENTION_DAYS: '90' }).retentionDays).toBe(90)
    expect(() => loadConfig({ TRYGG_RETENTION_DAYS: '0' })).toThrow('TRYGG_RETENTION_DAYS')
  })
})
