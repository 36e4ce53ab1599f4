import sharp from 'sharp'
import type { PixelRect } from '@trygg/domain'
import { AppError } from '../errors/app-error.ts'
import { photoDefaults, type ReencodedPhoto } from './reencode-photo.ts'

export interface PhotoEdits {
  /** the part to keep, in pixels of the image before the crop */
  crop?: PixelRect | undefined
  /** rectangles made unreadable, in pixels of the image before the crop */
  blur?: readonly PixelRect[] | undefined
}

export const redactDefaults = {
  blurFraction: 0.25, // Gaussian sigma as a fraction of a blur rectangle's longer side
  minSigma: 8, // pixels: even a small rectangle is blurred past reading
  maxSigma: 200, // pixels
  quality: photoDefaults.quality, // JPEG quality of the stored image
}

/** The blur strength for a rectangle: a quarter of its longer side, so features inside it merge into each other. */
export function blurSigma(rect: PixelRect, o: typeof redactDefaults = redactDefaults): number {
  return Math.min(o.maxSigma, Math.max(o.minSigma, Math.max(rect.width, rect.height) * o.blurFraction))
}

const outside = (r: PixelRect, width: number, height: number) => r.x + r.width > width || r.y + r.height > height

/**
 * Blurs rectangles of a stored photo and crops it, then encodes it as a JPEG with no metadata.
 * Each blur rectangle is cut out, blurred on its own (so nothing from outside softens it) and
 * put back; the crop comes after. Rectangles are in pixels of the image as given. Throws
 * AppError 400 naming the rectangle when one reaches outside the image, or when there is
 * nothing to do.
 *
 * @example await redactPhoto(jpeg, { blur: [{ x: 120, y: 40, width: 80, height: 60 }], crop: { x: 0, y: 0, width: 300, height: 180 } })
 */
export async function redactPhoto(jpeg: Buffer, edits: PhotoEdits, options: Partial<typeof redactDefaults> = {}): Promise<ReencodedPhoto> {
  const o = { ...redactDefaults, ...options }
  const blur = edits.blur ?? []
  if (!edits.crop && blur.length === 0) {
    throw new AppError(400, 'VALIDATION_FAILED', 'Give a crop, blur rectangles, or both.', 'Ange en beskärning, suddade rutor eller båda.', [{ field: 'crop', message: 'or blur is required' }])
  }
  const { width, height } = await sharp(jpeg).metadata()
  if (!width || !height) throw new Error('A stored photo without dimensions')
  const bad = [...(edits.crop && outside(edits.crop, width, height) ? ['crop'] : []), ...blur.flatMap((r, i) => (outside(r, width, height) ? [`blur/${i}`] : []))]
  if (bad.length > 0) {
    throw new AppError(
      400,
      'VALIDATION_FAILED',
      `The rectangle ${bad.join(', ')} reaches outside the ${width} × ${height} pixel image.`,
      `Rutan ${bad.join(', ')} går utanför bilden på ${width} × ${height} pixlar.`,
      bad.map((field) => ({ field, message: `must lie within ${width} × ${height}` })),
    )
  }
  const patches = await Promise.all(
    blur.map(async (r) => ({
      input: await sharp(jpeg).extract({ left: r.x, top: r.y, width: r.width, height: r.height }).blur(blurSigma(r, o)).png().toBuffer(),
      left: r.x,
      top: r.y,
    })),
  )
  // Composite runs last in a sharp pipeline, so the crop is a second pass over raw pixels.
  const blurred = await sharp(jpeg).composite(patches).raw().toBuffer({ resolveWithObject: true })
  let out = sharp(blurred.data, { raw: { width: blurred.info.width, height: blurred.info.height, channels: blurred.info.channels } })
  if (edits.crop) out = out.extract({ left: edits.crop.x, top: edits.crop.y, width: edits.crop.width, height: edits.crop.height })
  const { data, info } = await out.jpeg({ quality: o.quality, mozjpeg: true }).toBuffer({ resolveWithObject: true })
  return { jpeg: data, width: info.width, height: info.height }
}
