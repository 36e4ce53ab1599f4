import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app.ts'
import { openTestDb, type TestDb } from '../../test/test-db.ts'
import { seedTestMunicipality, testConfig } from '../../test/fixtures.ts'

const INDEX = '<!doctype html><title>Trygg</title>'.padEnd(2000, ' ')
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
    expect(page.headers['cache-control']).not.toMatch(/immutable/)
    expect(zlib.brotliDecompressSync(page.rawPayload).toString()).toBe(INDEX)
  })

  it('answers a page route with the compressed index.html', async () => {
    const res = await app.inject({ url: '/karta', headers: { 'accept-encoding': 'gzip' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/html/)
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(res.rawPayload).toString()).toBe(INDEX)
  })
})
