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
import { jpegHeaderSegments, metadataBlocks } from '../../test/photo-fixtures.ts'
import { createStaff, login, type StaffAgent } from '../../test/staff.ts'

const W = 300
const H = 200

/** A black and white checkerboard of 6-pixel squares: sharp detail a blur turns grey. */
function checkerboard(): Promise<Buffer> {
  const raw = Buffer.alloc(W * H * 3)
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) raw.fill((Math.floor(x / 6) + Math.floor(y / 6)) % 2 ? 255 : 0, (y * W + x) * 3, (y * W + x) * 3 + 3)
  return sharp(raw, { raw: { width: W, height: H, channels: 3 } }).png().toBuffer()
}

/** Mean absolute difference of grey values of two images over a rectangle, and the standard deviation in `b` there. */
async function compare(a: Buffer, b: Buffer, r: { x: number; y: number; width: number; height: number }, offset = { x: 0, y: 0 }) {
  const grey = async (img: Buffer) => sharp(img).greyscale().raw().toBuffer({ resolveWithObject: true })
  const [ga, gb] = [await grey(a), await grey(b)]
  let diff = 0
  let sum = 0
  let sq = 0
  const n = r.width * r.height
  for (let y = r.y; y < r.y + r.height; y++) {
    for (let x = r.x; x < r.x + r.width; x++) {
      const va = ga.data[y * ga.info.width + x]!
      const vb = gb.data[(y - offset.y) * gb.info.width + (x - offset.x)]!
      diff += Math.abs(va - vb)
      sum += vb
      sq += vb * vb
    }
  }
  return { diff: diff / n, std: Math.sqrt(sq / n - (sum / n) ** 2) }
}

describe.each(ENGINES)('photo redaction on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let moderator: StaffAgent
  let admin: StaffAgent
  let photoDir: string

  beforeAll(async () => {
    db = await openTestDb(engine)
    const { municipalityId } = await seedTestMunicipality(db.kysely)
    photoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-redact-test-'))
    app = await buildApp({ config: testConfig({ photoDir }), db })
    moderator = await login(app, await createStaff(db.kysely, municipalityId, 'moderator'))
    admin = await login(app, await createStaff(db.kysely, municipalityId, 'admin'))
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
    fs.rmSync(photoDir, { recursive: true, force: true })
  })

  async function photoPin(): Promise<number> {
    const res = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...INSIDE, category: 'lighting', severity: 3, timesOfDay: ['night'] } })
    const p = res.json()
    const up = await app.inject({ method: 'POST', url: `/api/pins/${p.id}/photo`, payload: await checkerboard(), headers: { 'content-type': 'image/png', 'x-follow-token': p.followToken } })
    expect(up.statusCode).toBe(201)
    return p.id
  }
  const row = async (pinId: number) =>
    (await sql<{ file_name: string; state: string; width: number; height: number; bytes: number }>`SELECT file_name, state, width, height, bytes FROM pin_photo WHERE pin_id = ${pinId}`.execute(db.kysely)).rows[0]!
  const staffImage = async (pinId: number) => (await moderator.inject({ url: `/api/staff/moderation/photos/${pinId}` })).rawPayload
  const redact = (pinId: number, payload: object, agent = moderator) => agent.inject({ method: 'POST', url: `/api/staff/moderation/photos/${pinId}/redact`, payload })
  const files = () => fs.readdirSync(photoDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)

  it('blurs a rectangle past recognition, leaves the rest, replaces the file and keeps the photo pending', async () => {
    const id = await photoPin()
    const before = await row(id)
    const original = await staffImage(id)
    const face = { x: 60, y: 40, width: 90, height: 70 }
    const res = await redact(id, { reason: 'Ansikte', blur: [face] })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ kind: 'photo', id, state: 'pending' })

    const after = await row(id)
    expect(after.file_name).not.toBe(before.file_name)
    expect([after.width, after.height, after.state]).toEqual([W, H, 'pending'])
    expect(files()).not.toContain(path.basename(before.file_name))
    expect(fs.existsSync(path.join(photoDir, before.file_name))).toBe(false)
    const redacted = await staffImage(id)
    expect(after.bytes).toBe(redacted.length)
    expect(await metadataBlocks(redacted)).toEqual({ exif: false, xmp: false, iptc: false, icc: false, comments: [] })
    expect(jpegHeaderSegments(redacted).filter((m) => (m.startsWith('APP') && m !== 'APP0') || m === 'COM')).toEqual([])

    // Inside (a margin in from the edges): the checkerboard is gone. Outside: as it was, give or take JPEG.
    const inside = await compare(original, redacted, { x: face.x + 10, y: face.y + 10, width: face.width - 20, height: face.height - 20 })
    expect((await compare(original, original, { x: face.x + 10, y: face.y + 10, width: face.width - 20, height: face.height - 20 })).std).toBeGreaterThan(100)
    expect(inside.std).toBeLessThan(12)
    expect(inside.diff).toBeGreaterThan(100)
    const right = await compare(original, redacted, { x: 170, y: 0, width: 130, height: 200 })
    expect(right.diff).toBeLessThan(12)
    expect(right.std).toBeGreaterThan(100)
  })

  it('crops to a rectangle, blurs first in the uncropped coordinates, approves on request and logs who, when, why and what', async () => {
    const id = await photoPin()
    const original = await staffImage(id)
    const crop = { x: 30, y: 20, width: 240, height: 150 }
    const plate = { x: 200, y: 120, width: 60, height: 30 }
    const res = await redact(id, { reason: 'Registreringsskylt', crop, blur: [plate], approve: true })
    expect(res.statusCode).toBe(200)
    expect(res.json().state).toBe('approved')
    const redacted = await staffImage(id)
    expect(await sharp(redacted).metadata()).toMatchObject({ width: 240, height: 150, format: 'jpeg' })
    expect(await row(id)).toMatchObject({ width: 240, height: 150, state: 'approved' })
    // The kept part lines up with the original, shifted by the crop; the plate is blurred.
    expect((await compare(original, redacted, { x: 40, y: 30, width: 100, height: 60 }, { x: crop.x, y: crop.y })).diff).toBeLessThan(12)
    expect((await compare(original, redacted, { x: 208, y: 124, width: 44, height: 22 }, { x: crop.x, y: crop.y })).std).toBeLessThan(20)
    const pub = await app.inject(`/api/pins/${id}/photo`)
    expect(pub.statusCode).toBe(200)
    expect(pub.rawPayload.equals(redacted)).toBe(true)

    const audit = (await admin.inject({ url: `/api/staff/audit?entityType=pin_photo&entityId=${id}` })).json().entries
    expect(audit[0]).toMatchObject({
      action: 'photo.redact',
      actor: { email: expect.stringMatching(/moderator/) },
      reason: 'Registreringsskylt',
      before: { state: 'pending', width: W, height: H },
      after: { state: 'approved', width: 240, height: 150, crop, blur: [plate] },
    })
    expect(Date.parse(audit[0].at)).toBeGreaterThan(Date.now() - 60_000)
  })

  it('refuses rectangles outside the image, nothing to do, or no reason, with 400 and the photo untouched', async () => {
    const id = await photoPin()
    const before = await row(id)
    const cases: [object, RegExp | null][] = [
      [{ reason: 'x', blur: [{ x: 250, y: 10, width: 60, height: 20 }] }, /blur\/0/],
      [{ reason: 'x', crop: { x: 0, y: 0, width: W, height: H + 1 } }, /crop/],
      [{ reason: 'x', blur: [{ x: 0, y: 0, width: 10, height: 10 }, { x: 0, y: 195, width: 10, height: 10 }] }, /blur\/1/],
      [{ reason: 'x' }, null],
      [{ blur: [{ x: 0, y: 0, width: 10, height: 10 }] }, null],
      [{ reason: 'x', blur: [{ x: -1, y: 0, width: 10, height: 10 }] }, null],
      [{ reason: 'x', blur: [{ x: 0, y: 0, width: 0, height: 10 }] }, null],
      [{ reason: 'x', crop: { x: 0, y: 0, width: 10 } }, null],
    ]
    for (const [payload, field] of cases) {
      const res = await redact(id, payload)
      expect(res.statusCode, JSON.stringify(payload)).toBe(400)
      if (field) expect(res.json().message).toMatch(field)
    }
    expect(await row(id)).toEqual(before)
    expect(fs.existsSync(path.join(photoDir, before.file_name))).toBe(true)
    expect(files().filter((f) => f.endsWith('.tmp'))).toEqual([])
    expect((await redact(999_999, { reason: 'x', blur: [{ x: 0, y: 0, width: 10, height: 10 }] })).statusCode).toBe(404)
  })
})
