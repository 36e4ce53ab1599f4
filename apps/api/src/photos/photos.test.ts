import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import sharp from 'sharp'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import {
  HTML,
  JPEG_MAGIC,
  SVG,
  jpegHeaderSegments,
  jpegHtmlPolyglot,
  jpegPixelFlood,
  jpegWithGps,
  metadataBlocks,
  png,
  pngPixelFlood,
  randomBytes,
  truncatedJpeg,
  webp,
} from '../../test/photo-fixtures.ts'
import { createStaff, login, type StaffAgent } from '../../test/staff.ts'
import { PhotoStore } from './photo-store.ts'
import { sweepOrphanPhotos } from './sweep-photos.ts'

/** Every file under a folder, relative names. */
function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}

describe.each(ENGINES)('photos on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let moderator: StaffAgent
  let photoDir: string

  beforeAll(async () => {
    db = await openTestDb(engine)
    const { municipalityId } = await seedTestMunicipality(db.kysely)
    photoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-photos-test-'))
    app = await buildApp({ config: testConfig({ photoDir }), db })
    moderator = await login(app, await createStaff(db.kysely, municipalityId, 'moderator'))
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
    fs.rmSync(photoDir, { recursive: true, force: true })
  })

  async function pin(category = 'lighting'): Promise<{ id: number; followToken: string }> {
    const res = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...INSIDE, category, severity: 3, timesOfDay: ['night'] } })
    expect(res.statusCode).toBe(201)
    return res.json()
  }
  const upload = (p: { id: number; followToken: string }, body: Buffer, type = 'image/jpeg', token = p.followToken) =>
    app.inject({ method: 'POST', url: `/api/pins/${p.id}/photo`, payload: body, headers: { 'content-type': type, 'x-follow-token': token } })
  const photoRows = async (pinId: number) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin_photo WHERE pin_id = ${pinId}`.execute(db.kysely)).rows[0]!.n
  const storedFile = async (pinId: number) => {
    const { rows } = await sql<{ file_name: string }>`SELECT file_name FROM pin_photo WHERE pin_id = ${pinId}`.execute(db.kysely)
    return fs.readFileSync(path.join(photoDir, rows[0]!.file_name))
  }
  const decide = (pinId: number, verb: 'approve' | 'reject', payload: object = {}) =>
    moderator.inject({ method: 'POST', url: `/api/staff/moderation/photos/${pinId}/${verb}`, payload })

  it('stores a JPEG re-encoded without EXIF GPS or any other metadata, and keeps it private until approved', async () => {
    const p = await pin()
    const original = await jpegWithGps(640, 480)
    expect(await metadataBlocks(original)).toMatchObject({ exif: true, xmp: true })
    const res = await upload(p, original)
    expect(res.statusCode).toBe(201)
    expect(res.json()).toEqual({ state: 'pending', width: 640, height: 480, bytes: expect.any(Number) })

    const stored = await storedFile(p.id)
    expect(res.json().bytes).toBe(stored.length)
    expect(await metadataBlocks(stored)).toEqual({ exif: false, xmp: false, iptc: false, icc: false, comments: [] })
    expect(jpegHeaderSegments(stored).filter((m) => (m.startsWith('APP') && m !== 'APP0') || m === 'COM')).toEqual([])
    expect(jpegHeaderSegments(original)).toContain('APP1')
    expect(stored.includes('Anna Andersson')).toBe(false)
    expect(stored.includes('TestCam')).toBe(false)
    expect((await sharp(stored).metadata()).format).toBe('jpeg')

    expect((await app.inject(`/api/pins/${p.id}/photo`)).statusCode).toBe(404)
    expect((await app.inject(`/api/pins/${p.id}`)).json().photoUrl).toBeNull()

    const queue = (await moderator.inject({ url: '/api/staff/moderation/queue?kind=photo' })).json()
    expect(queue.items.find((i: { id: number }) => i.id === p.id)).toMatchObject({ kind: 'photo', state: 'pending', text: null, photoUrl: `/api/staff/moderation/photos/${p.id}` })
    const forStaff = await moderator.inject({ url: `/api/staff/moderation/photos/${p.id}` })
    expect([forStaff.statusCode, forStaff.headers['content-type'], forStaff.headers['cache-control']]).toEqual([200, 'image/jpeg', 'no-store'])
    expect(forStaff.rawPayload.equals(stored)).toBe(true)

    expect((await decide(p.id, 'approve')).json()).toMatchObject({ kind: 'photo', id: p.id, state: 'approved' })
    const pub = await app.inject(`/api/pins/${p.id}/photo`)
    expect([pub.statusCode, pub.headers['content-type'], pub.headers['x-content-type-options']]).toEqual([200, 'image/jpeg', 'nosniff'])
    expect(pub.rawPayload.equals(stored)).toBe(true)
    expect((await app.inject(`/api/pins/${p.id}`)).json().photoUrl).toBe(`/api/pins/${p.id}/photo`)
  })

  it('shrinks a large photo to 2048 pixels on its longest side and turns PNG and WebP into JPEG', async () => {
    const big = await pin()
    expect((await upload(big, await jpegWithGps(3000, 2000))).json()).toMatchObject({ width: 2048, height: 1365 })
    const fromPng = await pin()
    expect((await upload(fromPng, await png(300, 200), 'image/png')).statusCode).toBe(201)
    expect((await sharp(await storedFile(fromPng.id)).metadata()).format).toBe('jpeg')
    const fromWebp = await pin()
    expect((await upload(fromWebp, await webp(300, 200), 'application/octet-stream')).statusCode).toBe(201)
    const stored = await storedFile(fromWebp.id)
    expect((await sharp(stored).metadata()).format).toBe('jpeg')
    expect(await metadataBlocks(stored)).toMatchObject({ exif: false, icc: false })
    // The bytes decide the format, not the declared type.
    expect((await upload(await pin(), await png(50, 50), 'image/webp')).statusCode).toBe(201)
  })

  it('re-encodes a JPEG/HTML polyglot so nothing of the script is kept', async () => {
    const p = await pin()
    const polyglot = await jpegHtmlPolyglot()
    expect(polyglot.includes('<script>')).toBe(true)
    expect((await upload(p, polyglot)).statusCode).toBe(201)
    const stored = await storedFile(p.id)
    expect(stored.includes('<script>')).toBe(false)
    expect(jpegHeaderSegments(stored)).not.toContain('COM')
  })

  const BAD: [string, () => Promise<Buffer> | Buffer, string, number, string][] = [
    ['an upload over 10 MB', () => randomBytes(10 * 1024 * 1024, JPEG_MAGIC), 'image/jpeg', 413, 'BODY_TOO_LARGE'],
    ['a JPEG claiming 20,000 × 20,000 pixels', jpegPixelFlood, 'image/jpeg', 422, 'PHOTO_TOO_MANY_PIXELS'],
    ['a PNG claiming 20,000 × 20,000 pixels', pngPixelFlood, 'image/png', 422, 'PHOTO_TOO_MANY_PIXELS'],
    ['SVG sent as a JPEG', () => SVG, 'image/jpeg', 415, 'PHOTO_NOT_AN_IMAGE'],
    ['SVG sent as application/octet-stream', () => SVG, 'application/octet-stream', 415, 'PHOTO_NOT_AN_IMAGE'],
    ['SVG sent as image/svg+xml', () => SVG, 'image/svg+xml', 400, 'VALIDATION_FAILED'],
    ['HTML sent as a PNG', () => HTML, 'image/png', 415, 'PHOTO_NOT_AN_IMAGE'],
    ['HTML sent as text/html', () => HTML, 'text/html', 400, 'VALIDATION_FAILED'],
    ['a truncated JPEG', truncatedJpeg, 'image/jpeg', 422, 'PHOTO_DAMAGED'],
    ['random bytes', () => randomBytes(5000), 'image/jpeg', 415, 'PHOTO_NOT_AN_IMAGE'],
    ['random bytes behind a JPEG marker', () => randomBytes(5000, JPEG_MAGIC), 'image/jpeg', 422, 'PHOTO_DAMAGED'],
    ['an empty body', () => Buffer.alloc(0), 'image/jpeg', 400, 'VALIDATION_FAILED'],
  ]

  it.each(BAD)('answers %s with a clear 4xx and stores nothing', async (_name, body, type, status, code) => {
    const p = await pin()
    const before = filesIn(photoDir).length
    const res = await upload(p, await body(), type)
    expect(res.statusCode).toBe(status)
    expect(res.json()).toMatchObject({ statusCode: status, code, message: expect.any(String) })
    if (code.startsWith('PHOTO_')) expect(res.json().messageSv).toEqual(expect.any(String))
    expect(await photoRows(p.id)).toBe(0)
    expect(filesIn(photoDir).length).toBe(before)
    expect(filesIn(photoDir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it("takes a photo only with the pin's own follow token, and only one per pin", async () => {
    const p = await pin()
    const other = await pin()
    const jpeg = await jpegWithGps(100, 100)
    expect((await upload(p, jpeg, 'image/jpeg', other.followToken)).json()).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' })
    const noToken = await app.inject({ method: 'POST', url: `/api/pins/${p.id}/photo`, payload: jpeg, headers: { 'content-type': 'image/jpeg' } })
    expect(noToken.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' })
    expect((await upload({ id: 999_999_999, followToken: p.followToken }, jpeg)).statusCode).toBe(404)
    expect(await photoRows(p.id)).toBe(0)
    expect((await upload(p, jpeg)).statusCode).toBe(201)
    const files = filesIn(photoDir).length
    expect((await upload(p, jpeg)).json()).toMatchObject({ statusCode: 409, code: 'PHOTO_EXISTS' })
    expect(filesIn(photoDir).length).toBe(files)
    expect(await photoRows(p.id)).toBe(1)
  })

  it('takes a rejected photo down, and never shows the photo of a sensitive pin', async () => {
    const p = await pin()
    await upload(p, await jpegWithGps(100, 100))
    await decide(p.id, 'approve')
    expect((await app.inject(`/api/pins/${p.id}/photo`)).statusCode).toBe(200)
    expect((await decide(p.id, 'reject', { reason: 'Visar ett ansikte' })).json()).toMatchObject({ state: 'rejected' })
    expect((await app.inject(`/api/pins/${p.id}/photo`)).statusCode).toBe(404)
    expect((await app.inject(`/api/pins/${p.id}`)).json().photoUrl).toBeNull()
    expect((await decide(p.id, 'reject')).json()).toMatchObject({ statusCode: 409, code: 'CONFLICT' })

    const sensitive = await pin('drugs')
    await upload(sensitive, await jpegWithGps(100, 100))
    expect((await decide(sensitive.id, 'approve')).statusCode).toBe(200)
    expect((await app.inject(`/api/pins/${sensitive.id}/photo`)).statusCode).toBe(404)
    expect((await decide(999_999_999, 'approve')).statusCode).toBe(404)
  })

  it('removes the file of a deleted pin, and leaves recorded and fresh files alone', async () => {
    const kept = await pin()
    const deleted = await pin()
    await upload(kept, await jpegWithGps(50, 50))
    await upload(deleted, await jpegWithGps(50, 50))
    const deletedFile = path.join(photoDir, (await sql<{ f: string }>`SELECT file_name AS f FROM pin_photo WHERE pin_id = ${deleted.id}`.execute(db.kysely)).rows[0]!.f)
    await sql`DELETE FROM pin WHERE id = ${deleted.id}`.execute(db.kysely)
    expect(await photoRows(deleted.id)).toBe(0)
    expect(fs.existsSync(deletedFile)).toBe(true)

    const store = new PhotoStore(photoDir)
    const files = filesIn(photoDir).length
    expect(await sweepOrphanPhotos(db.kysely, store, new Date())).toBe(0) // within the grace period
    expect(await sweepOrphanPhotos(db.kysely, store, new Date(Date.now() + 2 * 60 * 60 * 1000))).toBe(1)
    expect(fs.existsSync(deletedFile)).toBe(false)
    expect(filesIn(photoDir).length).toBe(files - 1)
    expect((await storedFile(kept.id)).length).toBeGreaterThan(0)
  })
})
