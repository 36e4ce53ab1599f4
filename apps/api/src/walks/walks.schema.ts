import Type from 'typebox'
import { ErrorBody, NewWalk, NewWalkObservation, PublicWalk, StaffWalk, WalkCode, WalkObservationCreated, WalkProtocol } from '@trygg/domain'
import { staffErrors } from '../auth/auth.schema.ts'

const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody, 503: ErrorBody }
const CodeParams = Type.Object({ code: WalkCode })
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647, examples: [7] }) })

export const getWalkSchema = {
  summary: 'A physical walk for its leader',
  description: 'Name, meeting time, route and meeting point of the walk with this code. Categories are those of GET /api/config.',
  tags: ['walks'],
  params: CodeParams,
  response: { 200: PublicWalk, ...errors },
}

export const recordObservationSchema = {
  summary: 'Record an observation on a physical walk',
  description:
    'The pin form plus the group size and a client-generated `clientId`. The walk code is the credential: no proof-of-work ' +
    'is asked, so that observations queued offline can be sent later; the honeypot and the rate limit of resident writes apply. ' +
    'A resend with a `clientId` already recorded on the walk answers 200 with the same pin id and creates nothing. ' +
    'Accepted from 24 hours before the walk starts until 7 days after it ends; otherwise 409 WALK_CLOSED. ' +
    'The answer carries a fresh follow token for adding a photo with POST /api/pins/{id}/photo.',
  tags: ['walks'],
  params: CodeParams,
  body: NewWalkObservation,
  response: { 200: WalkObservationCreated, 201: WalkObservationCreated, ...errors },
}

const staffErrorsWith422 = { ...staffErrors, 422: ErrorBody }

export const listWalksSchema = {
  summary: "The municipality's physical walks",
  description: 'Latest first, each with its code, route, meeting point and number of observations.',
  tags: ['walks'],
  response: { 200: Type.Object({ walks: Type.Array(StaffWalk) }), ...staffErrorsWith422 },
}

export const createWalkSchema = {
  summary: 'Plan a physical walk',
  description:
    'The server makes the walk code for the link /walk/<code>. The route and the meeting point must lie inside the ' +
    "municipality's boundary (422 otherwise); `endsAt` must be after `startsAt`.",
  tags: ['walks'],
  body: NewWalk,
  response: { 201: StaffWalk, ...staffErrorsWith422 },
}

export const walkProtocolSchema = {
  summary: 'The protocol of a physical walk',
  description: 'The walk and all its observations with category, severity, times of day, comment, group size and the staff URL of the photo.',
  tags: ['walks'],
  params: IdParams,
  response: { 200: WalkProtocol, ...staffErrors },
}
