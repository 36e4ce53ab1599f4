import sharp, { type Metadata } from 'sharp'
import { PHOTO_MAX_SIDE } from '@trygg/domain'
import { AppError } from '../errors/app-error.ts'

export const photoDefaults = {
  maxPixels: 50_000_000, // decoded size refused above this: 50 MP covers phone cameras, not pixel floods
  maxSide: PHOTO_MAX_SIDE, // longest side of the stored JPEG, pixels
  quality: 82, // JPEG quality of the stored image
}

export type PhotoFormat = 'jpeg' | 'png' | 'webp'

export interface ReencodedPhoto {
  jpeg: Buffer
  width: number
  height: number
}

/**
 * The image format a buffer's first bytes announce, or null. Only these three are ever given
 * to the decoder, so SVG, HTML and other formats the decoder could read are refused unread.
 */
export function sniffPhotoFormat(input: Buffer): PhotoFormat | null {
  if (input.length >= 3 && input[0] === 0xff && input[1] === 0xd8 && input[2] === 0xff) return 'jpeg'
  if (input.length >= 8 && input.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (input.length >= 12 && input.toString('latin1', 0, 4) === 'RIFF' && input.toString('latin1', 8, 12) === 'WEBP') return 'webp'
  return null
}

const notAnImage = () =>
  new AppError(415, 'PHOTO_NOT_AN_IMAGE', 'The file is not a JPEG, PNG or WebP image.', 'Filen är inte en bild i formatet JPEG, PNG eller WebP.', [
    { field: 'photo', message: 'must be a JPEG, PNG or WebP image' },
  ])

const damaged = () =>
  new AppError(422, 'PHOTO_DAMAGED', 'The image is damaged or incomplete and cannot be read.', 'Bilden är skadad eller ofullständig och kan inte läsas.', [
    { field: 'photo', message: 'is damaged or truncated' },
  ])

/**
 * Decodes a JPEG, PNG or WebP photo and encodes it again as a JPEG of at most `maxSide` pixels
 * a side, turned upright, on white where it was transparent, and with no metadata at all (no
 * EXIF, GPS, XMP, IPTC or ICC profile): nothing of the original file but its pixels is kept.
 * Throws AppError 415 for anything that is not such an image, 422 for a pixel flood (checked
 * from the header, before any decoding) or a damaged or truncated image.
 *
 * @example const { jpeg, width, height } = await reencodePhoto(await fs.readFile('photo.heic.jpg'))
 */
export async function reencodePhoto(input: Buffer, options: Partial<typeof photoDefaults> = {}): Promise<ReencodedPhoto> {
  const o = { ...photoDefaults, ...options }
  const format = sniffPhotoFormat(input)
  if (!format) throw notAnImage()
  let header: Metadata
  try {
    header = await sharp(input, { limitInputPixels: false, failOn: 'none' }).metadata()
  } catch {
    throw damaged()
  }
  if (header.format !== format) throw notAnImage()
  if (!header.width || !header.height) throw damaged()
  if (header.width * header.height > o.maxPixels) {
    throw new AppError(
      422,
      'PHOTO_TOO_MANY_PIXELS',
      `The image is ${header.width} × ${header.height} pixels; at most ${Math.round(o.maxPixels / 1e6)} megapixels are accepted.`,
      `Bilden är ${header.width} × ${header.height} pixlar; högst ${Math.round(o.maxPixels / 1e6)} megapixlar tas emot.`,
      [{ field: 'photo', message: 'has too many pixels' }],
    )
  }
  try {
    const { data, info } = await sharp(input, { limitInputPixels: o.maxPixels, failOn: 'truncated', pages: 1 })
      .autoOrient()
      .resize({ width: o.maxSide, height: o.maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: o.quality, mozjpeg: true })
      .toBuffer({ resolveWithObject: true })
    return { jpeg: data, width: info.width, height: info.height }
  } catch {
    throw damaged()
  }
}
