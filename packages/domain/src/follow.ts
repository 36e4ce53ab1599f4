import Type from 'typebox'
import { PublicActionItem } from './actions.ts'
import { PinStatus, TimeOfDaySchema } from './pins.ts'

/** One step of a pin's history; `received` comes from the pin's creation. */
export const StatusEvent = Type.Object({
  status: PinStatus,
  at: Type.String({ format: 'date-time' }),
  reason: Type.Union([Type.String(), Type.Null()], { description: 'Why, e.g. when no action is taken' }),
})
export type StatusEvent = Type.Static<typeof StatusEvent>

/** What the private follow link shows its author. */
export const FollowedPin = Type.Object(
  {
    pin: Type.Object({
      id: Type.Integer(),
      lat: Type.Number(),
      lon: Type.Number(),
      category: Type.String(),
      severity: Type.Integer({ minimum: 1, maximum: 5 }),
      timesOfDay: Type.Array(TimeOfDaySchema),
      comment: Type.Union([Type.String(), Type.Null()], { description: "The author's own comment, as published when redacted" }),
      commentState: Type.Union([Type.Literal('none'), Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]),
      status: PinStatus,
      agreementCount: Type.Integer({ minimum: 0 }),
      campaignId: Type.Union([Type.Integer(), Type.Null()]),
      createdAt: Type.String({ format: 'date-time' }),
    }),
    history: Type.Array(StatusEvent, { description: 'Oldest first, starting with received' }),
    actionItem: Type.Union([PublicActionItem, Type.Null()], {
      description: 'The public action item (planned, in progress or done) the pin is linked to, when there is one',
    }),
  },
  { $id: 'FollowedPin' },
)
export type FollowedPin = Type.Static<typeof FollowedPin>

export const FollowParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) })

/** A planner sets a pin's status; `not_done` needs a reason residents can read. */
export const SetPinStatus = Type.Object(
  {
    status: PinStatus,
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false, $id: 'SetPinStatus' },
)
export type SetPinStatus = Type.Static<typeof SetPinStatus>

export const PinStatusChanged = Type.Object(
  { id: Type.Integer(), status: PinStatus, history: Type.Array(StatusEvent) },
  { $id: 'PinStatusChanged' },
)
export type PinStatusChanged = Type.Static<typeof PinStatusChanged>
