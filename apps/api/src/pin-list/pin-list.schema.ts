import Type from 'typebox'
import { ErrorBody, PublicPin } from '@trygg/domain'

export const PinListQuery = Type.Object({
  bbox: Type.String({
    pattern: '^-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?$',
    description: 'minLon,minLat,maxLon,maxLat in WGS84',
    examples: ['13.05,55.77,13.15,55.81'],
  }),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
})

export const PinList = Type.Object(
  {
    items: Type.Array(PublicPin),
    total: Type.Integer({ description: 'Public pins in the bbox in all, not only on this page' }),
  },
  { $id: 'PinList' },
)

export const pinListSchema = {
  summary: 'Public pins in a viewport, as a list',
  description:
    'The accessible alternative to the map: the published pins inside the bbox, newest first, with their public ' +
    'details (a comment or photo only once approved). Pins of sensitive categories are never listed; they appear ' +
    'on the map only as aggregates.',
  tags: ['pins'],
  querystring: PinListQuery,
  response: { 200: PinList, 400: ErrorBody, 503: ErrorBody },
}
