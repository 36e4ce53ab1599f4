import Type from 'typebox'
import { AntibotFields } from './antibot.ts'
import { CategoryKey, TimeOfDaySchema } from './pins.ts'

export const NearbyQuery = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    radius: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: 'Metres; default TRYGG_NEARBY_RADIUS_M (25)' })),
    category: Type.Optional(CategoryKey),
  },
  { additionalProperties: false },
)
export type NearbyQuery = Type.Static<typeof NearbyQuery>

export const NearbyPin = Type.Object({
  id: Type.Integer(),
  lat: Type.Number(),
  lon: Type.Number(),
  category: Type.String(),
  severity: Type.Integer({ minimum: 1, maximum: 5 }),
  timesOfDay: Type.Array(TimeOfDaySchema),
  agreementCount: Type.Integer({ minimum: 0 }),
  distance: Type.Integer({ minimum: 0, description: 'Metres from the asked point, rounded' }),
  createdAt: Type.String({ format: 'date-time' }),
})
export type NearbyPin = Type.Static<typeof NearbyPin>

export const NearbyPins = Type.Object(
  { radius: Type.Integer(), pins: Type.Array(NearbyPin) },
  { $id: 'NearbyPins' },
)
export type NearbyPins = Type.Static<typeof NearbyPins>

export const AgreeBody = Type.Object({ ...AntibotFields }, { additionalProperties: false })
export type AgreeBody = Type.Static<typeof AgreeBody>

export const AgreeResult = Type.Object(
  {
    id: Type.Integer(),
    agreementCount: Type.Integer({ minimum: 0 }),
    alreadyAgreed: Type.Boolean({ description: 'true when this device had already agreed; nothing was counted' }),
  },
  { $id: 'AgreeResult' },
)
export type AgreeResult = Type.Static<typeof AgreeResult>
