import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { tileSource } from './security-headers.ts'

describe('tileSource', () => {
  it.each([
    ['https://tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://tile.openstreetmap.org'],
    ['https://{s}.tile.example.org/{z}/{x}/{y}.png', 'https://*.tile.example.org'],
    ['http://127.0.0.1:8123/{z}/{x}/{y}.png', 'http://127.0.0.1:8123'],
    ['/tiles/{z}/{x}/{y}.png', null],
  ])('%s → %s', (url, source) => expect(tileSource(url)).toBe(source))
})

describe.each(ENGINES)('security headers on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance

  beforeAll(async () => {
    db = await openTestDb(engine)
    await seedTestMunicipality(db.kysely)
    app = await buildApp({ config: testConfig({ map: { tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: 'x', maxZoom: 19 } }), db })
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  it.each([
    ['a JSON answer', 'GET', '/api/health'],
    ['an error', 'GET', '/api/nothing'],
    ['a refused write', 'POST', '/api/pins'],
    ['the OpenAPI document', 'GET', '/api/openapi.json'],
  ])('are on %s', async (_name, method, url) => {
    const res = await app.inject({ method: method as 'GET' | 'POST', url, payload: method === 'POST' ? {} : undefined })
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toMatch(/img-src [^;]*https:\/\/tiles\.example\.org/)
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  })
})
