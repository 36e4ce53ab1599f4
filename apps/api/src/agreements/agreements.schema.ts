import { AgreeBody, AgreeResult, ErrorBody, NearbyPins, NearbyQuery } from '@trygg/domain'
import { PinParams } from '../pins/pins.schema.ts'

const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 415: ErrorBody, 429: ErrorBody, 503: ErrorBody }

export const nearbySchema = {
  summary: 'Pins near a point, for "someone has already marked here"',
  description:
    'Published pins within `radius` metres (default TRYGG_NEARBY_RADIUS_M, 25), nearest first, at most 5; ' +
    'with `category`, only that category. Sensitive categories are never listed.',
  tags: ['pins'],
  querystring: NearbyQuery,
  response: { 200: NearbyPins, ...errors },
}

export const agreeSchema = {
  summary: 'Agree with a pin instead of marking a duplicate',
  description:
    'Counts one agreement per device: a random device id is kept in the `trygg_device` cookie (set here when missing) ' +
    'and stored only as a hash. Agreeing again changes nothing and answers `alreadyAgreed: true`. ' +
    'Needs the proof-of-work in `altcha` when anti-bot is on.',
  tags: ['pins'],
  params: PinParams,
  body: AgreeBody,
  response: { 200: AgreeResult, ...errors },
}
