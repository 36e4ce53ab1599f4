import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { MAX_PHOTO_BYTES, type StaffRole } from '@trygg/domain'
import type { Config } from '../config/config.ts'
import { AppError, notFound } from '../errors/app-error.ts'
import { hashFollowToken } from '../pins/pins.queries.ts'
import { PhotoStore } from './photo-store.ts'
import { findPhoto, findPinForPhoto, findPublicPhotoFile, insertPhoto } from './photos.queries.ts'
import { publicPhotoSchema, staffPhotoSchema, uploadPhotoSchema } from './photos.schema.ts'
import { reencodePhoto } from './reencode-photo.ts'
import { sweepOrphanPhotos } from './sweep-photos.ts'

/** How often files of deleted pins are looked for and removed. */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000

/** Staff who see photos waiting for moderation. */
const MODERATION_READ: StaffRole[] = ['moderator', 'admin', 'planner']

/**
 * Residents' photos: upload to one's own pin, the public approved image, and the image for the
 * moderation queue (decisions are in the moderation plugin).
 */
export default async function photos(appBase: FastifyInstance, opts: { config: Readonly<Config> }) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()
  const store = new PhotoStore(opts.config.photoDir)

  // The photo of a deleted pin goes with its row; its file is removed here, at start and hourly.
  const sweep = () =>
    sweepOrphanPhotos(app.db.kysely, store, app.now())
      .then((n) => n > 0 && app.log.info({ removed: n }, 'removed photo files of deleted pins'))
      .catch((err: unknown) => app.log.warn({ err }, 'photo sweep failed'))
  let timer: NodeJS.Timeout | undefined
  app.addHook('onReady', async () => {
    void sweep()
    timer = setInterval(() => void sweep(), SWEEP_INTERVAL_MS).unref()
  })
  app.addHook('onClose', async () => clearInterval(timer))

  // Within this plugin any body is read as bytes; the upload's header schema names the types
  // it accepts, and the bytes themselves decide what the file is.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_request, body, done) => done(null, body))

  app.post('/api/pins/:id/photo', { schema: uploadPhotoSchema, bodyLimit: MAX_PHOTO_BYTES, config: { rateLimit: app.residentRateLimit } }, async (request, reply) => {
    const { municipality } = await app.tenant(request)
    const municipalityId = municipality.municipality_id
    const pinId = request.params.id
    const pin = await findPinForPhoto(app.db.kysely, municipalityId, pinId, hashFollowToken(request.headers['x-follow-token']))
    if (!pin) throw notFound('The pin', 'Markeringen')
    if (!pin.token_matches) {
      throw new AppError(403, 'FORBIDDEN', 'The follow token does not belong to this pin.', 'Följlänken hör inte till den här markeringen.')
    }
    if (pin.has_photo) throw photoExists()
    const body = request.body
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new AppError(400, 'VALIDATION_FAILED', 'Send the image file as the request body.', 'Skicka bildfilen.', [{ field: 'photo', message: 'is required' }])
    }
    const photo = await reencodePhoto(body)
    const fileName = await store.write(municipalityId, photo.jpeg)
    let inserted = false
    try {
      inserted = await insertPhoto(app.db.kysely, { municipalityId, pinId, fileName, width: photo.width, height: photo.height, bytes: photo.jpeg.length, at: app.now() })
    } finally {
      if (!inserted) await store.remove(fileName)
    }
    if (!inserted) throw photoExists()
    return reply.status(201).send({ state: 'pending' as const, width: photo.width, height: photo.height, bytes: photo.jpeg.length })
  })

  app.get('/api/pins/:id/photo', { schema: publicPhotoSchema }, async (request, reply) => {
    const { municipality } = await app.tenant(request)
    const fileName = await findPublicPhotoFile(app.db.kysely, municipality.municipality_id, request.params.id)
    if (!fileName) throw notFound('The photo', 'Bilden')
    // Short-lived: a photo a moderator rejects later must soon stop being served from caches.
    reply.header('cache-control', 'public, max-age=300')
    return reply.type('image/jpeg').send(await store.read(fileName))
  })

  app.get('/api/staff/moderation/photos/:pinId', { schema: staffPhotoSchema, config: { roles: MODERATION_READ } }, async (request, reply) => {
    const photo = await findPhoto(app.db.kysely, request.staff!.municipalityId, request.params.pinId)
    if (!photo) throw notFound('The photo', 'Bilden')
    return reply.type('image/jpeg').send(await store.read(photo.file_name))
  })
}

const photoExists = () =>
  new AppError(409, 'PHOTO_EXISTS', 'This pin already has a photo; a pin can have one.', 'Markeringen har redan en bild; en markering kan ha en bild.')
