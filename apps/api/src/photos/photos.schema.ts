import Type from 'typebox'
import { ErrorBody, PHOTO_TYPES, PhotoUploaded } from '@trygg/domain'
import { staffErrors } from '../auth/auth.schema.ts'

const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody, 503: ErrorBody }

const PinParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) })

/** A JPEG answered as it is stored. */
const Jpeg = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The photo as a JPEG without metadata' })

export const uploadPhotoSchema = {
  summary: 'Add a photo to a pin',
  description:
    "The request body is the image file itself (JPEG, PNG or WebP, at most 10 MB), sent with its type as Content-Type " +
    "(or application/octet-stream) and the pin's follow token in X-Follow-Token. The server re-encodes it to a JPEG of " +
    'at most 2048 pixels a side without any metadata (no EXIF GPS) and stores only that. A pin has at most one photo; ' +
    'it is public only after moderation. Anything that is not such an image gets 415, a pixel flood or a damaged image 422, ' +
    'a larger body 413; nothing is stored then.',
  tags: ['pins'],
  consumes: [...PHOTO_TYPES, 'application/octet-stream'],
  params: PinParams,
  headers: Type.Object({
    'content-type': Type.Union([...PHOTO_TYPES, 'application/octet-stream'].map((t) => Type.Literal(t)), {
      description: 'The type of the image, or application/octet-stream',
    }),
    'x-follow-token': Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: 'The follow token POST /api/pins answered with' }),
  }),
  response: { 201: PhotoUploaded, ...errors },
}

export const publicPhotoSchema = {
  summary: "A pin's approved photo",
  description: 'The JPEG, once a moderator approved it; 404 while it waits for moderation, when it was rejected, or when there is none.',
  tags: ['pins'],
  produces: ['image/jpeg'],
  params: PinParams,
  response: { 200: Jpeg, 404: ErrorBody, 503: ErrorBody },
}

export const staffPhotoSchema = {
  summary: "A pin's photo for moderation",
  description: 'The stored JPEG in any state, for the moderation queue.',
  tags: ['moderation'],
  produces: ['image/jpeg'],
  params: Type.Object({ pinId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }),
  response: { 200: Jpeg, ...staffErrors },
}
