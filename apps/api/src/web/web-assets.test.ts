import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app.ts'
import { openTestDb, type TestDb } from '../../test/test-db.ts'
import { seedTestMunicipality, testConfig } from '../../test/fixtures.ts'

const INDEX = '<!doctype html><head><title>Trygg</title><link rel="preload" href="/api/config" as="fetch" crossorigin="anonymous" />\n</head>'.padEnd(2000, ' ')
const MODULE = `export const answer = ${'42 + '.repeat(500)}0\n`

/** A built web app as `pnpm build` leaves it: every compressible file with its .br and .gz beside it. */
function writeWebDist(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-web-'))
  fs.mkdirSync(path.join(root, 'assets'))
  const files: Record<string, string> = { 'index.html': INDEX, 'assets/index-abc123.js': MODULE }
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name)
    fs.writeFileSync(file, content)
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content))
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content))
  }
  return root
}

describe('the built web app', () => {
  let db: TestDb
  let app: FastifyInstance
  let webDist: string

  beforeAll(async () => {
    webDist = writeWebDist()
    db = await openTestDb('pglite')
    await seedTestMunicipality(db.kysely)
    await seedTestMunicipality(db.kysely, 'andra', 'Andra')
    app = await buildApp({ config: testConfig({ webDist }), db })
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
    fs.rmSync(webDist, { recursive: true, force: true })
  })

  it('sends the brotli file to a browser that accepts brotli', async () => {
    const res = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-type']).toMatch(/javascript/)
    expect(res.headers.vary).toMatch(/accept-encoding/i)
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(MODULE)
  })

  it('sends the gzip file when brotli is not accepted, and the plain file when nothing is', async () => {
    const gz = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(MODULE)
    const plain = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.payload).toBe(MODULE)
  })

  it('lets browsers keep hashed assets for good, and revalidate the page', async () => {
    const asset = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br' } })
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const page = await app.inject({ url: '/', headers: { 'accept-encoding': 'br' } })
    expect(page.statusCode).toBe(200)
    expect(page.headers['cache-control']).toBe('no-cache')
    expect(page.headers.vary).toMatch(/accept-encoding/i)
    expect(zlib.brotliDecompressSync(page.rawPayload).toString()).toContain('<title>Trygg</title>')
  })

  it('answers a page route with the compressed index.html', async () => {
    const res = await app.inject({ url: '/karta', headers: { 'accept-encoding': 'gzip' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/html/)
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(res.rawPayload).toString()).toBe(INDEX)
  })

  it("preloads the first view's centre tile on the map page, for the municipality of the URL", async () => {
    const config = (await app.inject({ url: '/api/config' })).json<{ municipality: { defaultZoom: number } }>()
    const page = (await app.inject({ url: '/', headers: { 'accept-encoding': 'identity' } })).body
    const tile = new RegExp(`<link rel="preload" href="https://tile\\.openstreetmap\\.org/${config.municipality.defaultZoom}/\\d+/\\d+\\.png" as="image" fetchpriority="high" />`)
    expect(page).toMatch(tile)
    const other = await app.inject({ url: '/k/andra/', headers: { 'accept-encoding': 'identity' } })
    expect(other.statusCode).toBe(200)
    expect(other.body).toMatch(tile)
  })

  it("writes the municipality's own /api/config answer into its map page, in place of the preload", async () => {
    const inPage = (html: string) => JSON.parse(/<script type="application\/json" id="app-config">(.*?)<\/script>/.exec(html)![1]!)
    for (const prefix of ['', '/k/andra']) {
      const page = (await app.inject({ url: `${prefix}/`, headers: { 'accept-encoding': 'identity' } })).body
      expect(inPage(page)).toEqual((await app.inject({ url: `${prefix}/api/config` })).json())
      expect(page).not.toContain('/api/config')
    }
    expect(inPage((await app.inject({ url: '/k/andra/' })).body).municipality.name).toBe('Andra')
  })

  it('keeps a data block closed whatever its text holds', async () => {
    await db.kysely.updateTable('municipality').set({ name: 'Andra </script><script>alert(1)</script> & <!--' }).where('slug', '=', 'andra').execute()
    app.invalidateTenant()
    try {
      const page = (await app.inject({ url: '/k/andra/', headers: { 'accept-encoding': 'identity' } })).body
      expect(page.match(/<script/g)).toHaveLength(1)
      const block = /<script type="application\/json" id="app-config">(.*?)<\/script>/.exec(page)![1]!
      expect(JSON.parse(block).municipality.name).toBe('Andra </script><script>alert(1)</script> & <!--')
    } finally {
      await db.kysely.updateTable('municipality').set({ name: 'Andra' }).where('slug', '=', 'andra').execute()
      app.invalidateTenant()
    }
  })

  it('preloads no tile on pages without the map, nor for an unknown municipality', async () => {
    const results = await app.inject({ url: '/k/andra/resultat', headers: { 'accept-encoding': 'identity' } })
    expect(results.body).not.toContain('as="image"')
    expect(results.body).toContain('href="/k/andra/api/config"')
    expect(results.body).not.toContain('app-config')
    const unknown = await app.inject({ url: '/k/finns-inte/', headers: { 'accept-encoding': 'identity' } })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.body).not.toContain('as="image"')
    expect(unknown.body).not.toContain('finns-inte')
    expect(unknown.body).not.toContain('app-config')
  })
})
