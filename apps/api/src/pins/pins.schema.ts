import Type from 'typebox'
import { ClusterCollection, ClusterQuery, ErrorBody, NewPin, PinCreated, PublicPin } from '@trygg/domain'

const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody, 429: ErrorBody, 503: ErrorBody }

export const createPinSchema = {
  summary: 'Mark an unsafe place',
  description:
    'Creates a pin inside the municipality, in the running digital walk or else the open continuous campaign; ' +
    'with neither the answer is 409 NO_OPEN_CAMPAIGN. The comment is shown publicly only after moderation. ' +
    'The answer carries the private follow token for the link /f/<token>; keep it, it is not shown again.',
  tags: ['pins'],
  body: NewPin,
  response: { 201: PinCreated, ...errors },
}

export const PinParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) })

export const getPinSchema = {
  summary: 'The public view of one pin',
  tags: ['pins'],
  params: PinParams,
  response: { 200: PublicPin, ...errors },
}

export const clustersSchema = {
  summary: 'Clusters of public pins in a viewport',
  description:
    'A GeoJSON FeatureCollection of points, one per grid cell of about 60 screen pixels at the zoom. ' +
    'Every matching public pin in the bbox is counted in exactly one feature; a feature of one pin carries its id. ' +
    'Sensitive categories appear only as aggregates of at least `sensitiveMinCount` pins.',
  tags: ['pins'],
  querystring: ClusterQuery,
  response: { 200: ClusterCollection, ...errors },
}
