import crypto from 'node:crypto'
import zlib from 'node:zlib'
import sharp from 'sharp'

/** EXIF with a copyright, a camera and a GPS position: what a phone writes into a photo. */
export const EXIF_WITH_GPS = {
  IFD0: { Copyright: 'Anna Andersson', Make: 'TestCam', Model: 'Phone 1' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 47/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '13/1 6/1 15/1' },
}

/** A noisy image (so it compresses like a photo) of the given size. */
function noise(width: number, height: number) {
  const raw = crypto.randomBytes(width * height * 3)
  return sharp(raw, { raw: { width, height, channels: 3 } })
}

/** A JPEG carrying EXIF GPS, a camera name and an XMP packet. */
export async function jpegWithGps(width = 640, height = 480): Promise<Buffer> {
  return noise(width, height)
    .withExif(EXIF_WITH_GPS)
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Anna Andersson"/></rdf:RDF></x:xmpmeta>')
    .jpeg({ quality: 90 })
    .toBuffer()
}

export const png = (width = 300, height = 200) => noise(width, height).png().toBuffer()
export const webp = (width = 300, height = 200) => noise(width, height).withExif(EXIF_WITH_GPS).webp().toBuffer()

/** A small JPEG whose header claims 20,000 × 20,000 pixels: a pixel flood. */
export async function jpegPixelFlood(): Promise<Buffer> {
  const jpeg = Buffer.from(await noise(64, 64).jpeg().toBuffer())
  for (let i = 2; i < jpeg.length - 9; i++) {
    if (jpeg[i] === 0xff && (jpeg[i + 1] === 0xc0 || jpeg[i + 1] === 0xc2)) {
      jpeg.writeUInt16BE(20_000, i + 5)
      jpeg.writeUInt16BE(20_000, i + 7)
      return jpeg
    }
  }
  throw new Error('no SOF marker')
}

/** A PNG whose (correctly checksummed) header claims 20,000 × 20,000 pixels. */
export async function pngPixelFlood(): Promise<Buffer> {
  const image = Buffer.from(await png(16, 16))
  // IHDR data starts at byte 16: width, height; its CRC covers type and data (bytes 12..29).
  image.writeUInt32BE(20_000, 16)
  image.writeUInt32BE(20_000, 20)
  image.writeUInt32BE(zlib.crc32(image.subarray(12, 29)), 29)
  return image
}

/** The first 60 % of a JPEG photo: cut off in the middle of its image data. */
export async function truncatedJpeg(): Promise<Buffer> {
  const jpeg = await jpegWithGps()
  return jpeg.subarray(0, Math.floor(jpeg.length * 0.6))
}

export const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(document.cookie)</script><rect width="100" height="100"/></svg>',
)
export const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script><img src=x></body></html>')

/** A real JPEG with an HTML script in a comment segment: a JPEG/HTML polyglot. */
export async function jpegHtmlPolyglot(): Promise<Buffer> {
  const jpeg = await noise(64, 64).jpeg().toBuffer()
  const text = Buffer.from('<html><script>alert(document.cookie)</script></html>')
  const segment = Buffer.alloc(4)
  segment.writeUInt16BE(0xfffe, 0)
  segment.writeUInt16BE(text.length + 2, 2)
  return Buffer.concat([jpeg.subarray(0, 2), segment, text, jpeg.subarray(2)])
}

/** Random bytes, optionally behind a real format's magic number. */
export const randomBytes = (length: number, prefix: Buffer = Buffer.alloc(0)) => Buffer.concat([prefix, crypto.randomBytes(length)])

export const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff, 0xe0])

/** Whether an image carries any metadata block sharp can see. */
export async function metadataBlocks(image: Buffer) {
  const m = await sharp(image).metadata()
  return { exif: m.exif !== undefined, xmp: m.xmp !== undefined, iptc: m.iptc !== undefined, icc: m.icc !== undefined, comments: m.comments ?? [] }
}

/**
 * The markers of a JPEG's segments before its image data (SOS), e.g. ['DQT', 'SOF0', 'DHT'].
 * APPn (EXIF is APP1, ICC APP2, IPTC APP13) and COM segments carry metadata.
 */
export function jpegHeaderSegments(jpeg: Buffer): string[] {
  const names: Record<number, string> = { 0xc0: 'SOF0', 0xc2: 'SOF2', 0xc4: 'DHT', 0xdb: 'DQT', 0xdd: 'DRI', 0xfe: 'COM' }
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG')
  const segments: string[] = []
  let i = 2
  while (i + 4 <= jpeg.length && jpeg[i] === 0xff) {
    const marker = jpeg[i + 1]!
    if (marker === 0xda) break
    segments.push(marker >= 0xe0 && marker <= 0xef ? `APP${marker - 0xe0}` : (names[marker] ?? `0x${marker.toString(16)}`))
    i += 2 + jpeg.readUInt16BE(i + 2)
  }
  return segments
}
