// Renders the web app's icons from apps/web/public/icons/icon.svg (and the round favicon for
// the "any" purpose). Run after changing the SVG: node scripts/make-icons.mjs
import path from 'node:path'
import { createRequire } from 'node:module'

const root = path.resolve(import.meta.dirname, '..')
const sharp = createRequire(path.join(root, 'apps/api/package.json'))('sharp')
const icons = path.join(root, 'apps/web/public/icons')
const round = path.join(root, 'apps/web/public/favicon.svg')
const square = path.join(icons, 'icon.svg')

for (const size of [192, 512]) {
  await sharp(round, { density: (72 * size) / 24 }).resize(size, size).png().toFile(path.join(icons, `icon-${size}.png`))
}
// Maskable: the full-bleed square, the pin inside the 80 % safe zone.
await sharp(square, { density: (72 * 410) / 24 })
  .resize(410, 410)
  .extend({ top: 51, bottom: 51, left: 51, right: 51, background: '#1d4f91' })
  .png()
  .toFile(path.join(icons, 'icon-maskable-512.png'))
await sharp(round, { density: (72 * 180) / 24 }).resize(180, 180).flatten({ background: '#ffffff' }).png().toFile(path.join(icons, 'apple-touch-icon.png'))
