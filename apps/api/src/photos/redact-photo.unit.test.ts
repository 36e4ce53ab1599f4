import { describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { AppError } from '../errors/app-error.ts'
import { blurSigma, redactPhoto } from './redact-photo.ts'

const grey = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#808080' } }).jpeg().toBuffer()

describe('redactPhoto', () => {
  it('blurs at a quarter of the longer side, within bounds', () => {
    expect(blurSigma({ x: 0, y: 0, width: 10, height: 4 })).toBe(8)
    expect(blurSigma({ x: 0, y: 0, width: 200, height: 40 })).toBe(50)
    expect(blurSigma({ x: 0, y: 0, width: 4000, height: 40 })).toBe(200)
  })

  it('accepts rectangles that touch the far edges and keeps the size without a crop', async () => {
    const out = await redactPhoto(await grey(64, 48), { blur: [{ x: 54, y: 38, width: 10, height: 10 }, { x: 0, y: 0, width: 64, height: 48 }] })
    expect([out.width, out.height]).toEqual([64, 48])
    expect((await sharp(out.jpeg).metadata()).format).toBe('jpeg')
    const cropped = await redactPhoto(await grey(64, 48), { crop: { x: 63, y: 47, width: 1, height: 1 } })
    expect([cropped.width, cropped.height]).toEqual([1, 1])
  })

  it('refuses a rectangle one pixel too far, naming it, and an empty edit', async () => {
    const jpeg = await grey(64, 48)
    await expect(redactPhoto(jpeg, { blur: [{ x: 0, y: 0, width: 1, height: 1 }, { x: 55, y: 0, width: 10, height: 10 }] })).rejects.toMatchObject({ statusCode: 400, message: expect.stringContaining('blur/1') })
    await expect(redactPhoto(jpeg, { crop: { x: 0, y: 1, width: 64, height: 48 } })).rejects.toBeInstanceOf(AppError)
    await expect(redactPhoto(jpeg, { blur: [] })).rejects.toMatchObject({ statusCode: 400 })
  })
})
