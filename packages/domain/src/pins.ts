import Type from 'typebox'
import { AntibotFields } from './antibot.ts'
import { MAX_COMMENT_LENGTH } from './limits.ts'


export const TimeOfDaySchema = Type.Union([Type.Literal('morning'), Type.Literal('day'), Type.Literal('evening'), Type.Literal('night')])

/** The optional "Vilka dagar?" answer: which days the place feels unsafe on. */
export const DayTypeSchema = Type.Union([Type.Literal('weekday'), Type.Literal('weekend'), Type.Literal('both')], {
  description: 'Which days the place feels unsafe on: weekdays, weekends or both',
})

export const CategoryKey = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', examples: ['speeding'] })

/** What a resident sends to mark a place. Unknown fields are refused. */
export const NewPin = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90, description: 'Latitude, WGS84', examples: [55.7936] }),
    lon: Type.Number({ minimum: -180, maximum: 180, description: 'Longitude, WGS84', examples: [13.1095] }),
    category: CategoryKey,
    severity: Type.Integer({ minimum: 1, maximum: 5, description: 'How unsafe: 1 (a little) to 5 (very)', examples: [4] }),
    timesOfDay: Type.Array(TimeOfDaySchema, { minItems: 1, maxItems: 4, uniqueItems: true, examples: [['evening', 'night']] }),
    comment: Type.Optional(Type.String({ maxLength: MAX_COMMENT_LENGTH, description: 'Shown publicly only after moderation' })),
    dayType: Type.Optional(DayTypeSchema),
    ...AntibotFields,
  },
  { additionalProperties: false, $id: 'NewPin' },
)
export type NewPin = Type.Static<typeof NewPin>

export const PinCreated = Type.Object(
  {
    id: Type.Integer({ examples: [1234] }),
    followToken: Type.String({ description: 'Private token for the follow link /f/<token>', examples: ['q3Yb0c7xK1m9sP2aT5vWfQ'] }),
  },
  { $id: 'PinCreated' },
)
export type PinCreated = Type.Static<typeof PinCreated>

export const PinStatus = Type.Union([
  Type.Literal('received'),
  Type.Literal('reviewed'),
  Type.Literal('action_planned'),
  Type.Literal('done'),
  Type.Literal('not_done'),
])
export type PinStatus = Type.Static<typeof PinStatus>

/** The public view of one pin: a comment appears only once approved. */
export const PublicPin = Type.Object(
  {
    id: Type.Integer(),
    lat: Type.Number(),
    lon: Type.Number(),
    category: Type.String(),
    severity: Type.Integer({ minimum: 1, maximum: 5 }),
    timesOfDay: Type.Array(TimeOfDaySchema),
    comment: Type.Union([Type.String(), Type.Null()]),
    status: PinStatus,
    campaignId: Type.Union([Type.Integer(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    agreementCount: Type.Integer({ minimum: 0, description: 'How many residents agreed with the pin' }),
    photoUrl: Type.Union([Type.String(), Type.Null()], { description: 'The approved photo, a JPEG; null when there is none or it awaits moderation', examples: ['/api/pins/1234/photo'] }),
  },
  { $id: 'PublicPin' },
)
export type PublicPin = Type.Static<typeof PublicPin>

/** The answer to a photo upload: the stored JPEG waits for moderation. */
export const PhotoUploaded = Type.Object(
  {
    state: Type.Literal('pending'),
    width: Type.Integer({ examples: [2048] }),
    height: Type.Integer({ examples: [1536] }),
    bytes: Type.Integer({ examples: [412345] }),
  },
  { $id: 'PhotoUploaded' },
)
export type PhotoUploaded = Type.Static<typeof PhotoUploaded>
