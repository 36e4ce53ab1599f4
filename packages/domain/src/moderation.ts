import Type from 'typebox'
import { MAX_COMMENT_LENGTH } from './limits.ts'
import { MAX_REASON_LENGTH } from './staff-roles.ts'

export const ModerationKindSchema = Type.Union([Type.Literal('comment'), Type.Literal('photo')])
export const ModerationState = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')])
export type ModerationState = Type.Static<typeof ModerationState>

/**
 * One item of the moderation queue. `kind` says what is moderated and `id` is unique within
 * its kind (the pin's id: a pin has at most one comment and one photo); the pin gives the context.
 * A photo item has no text and names the staff URL of its image.
 */
export const ModerationItem = Type.Object(
  {
    kind: ModerationKindSchema,
    id: Type.Integer(),
    state: ModerationState,
    text: Type.Union([Type.String(), Type.Null()]),
    submittedAt: Type.String({ format: 'date-time' }),
    photoUrl: Type.Optional(Type.String({ description: 'Photos only: the image for staff, whatever its state', examples: ['/api/staff/moderation/photos/1234'] })),
    pin: Type.Object({
      id: Type.Integer(),
      lat: Type.Number(),
      lon: Type.Number(),
      category: Type.String(),
      sensitive: Type.Boolean(),
      severity: Type.Integer(),
    }),
  },
  { $id: 'ModerationItem' },
)
export type ModerationItem = Type.Static<typeof ModerationItem>

export const ModerationQueue = Type.Object(
  {
    items: Type.Array(ModerationItem),
    total: Type.Integer({ description: 'Items in this state in all, not only on this page' }),
  },
  { $id: 'ModerationQueue' },
)
export type ModerationQueue = Type.Static<typeof ModerationQueue>

export const ModerationQueueQuery = Type.Object({
  kind: Type.Optional(ModerationKindSchema),
  state: Type.Optional(ModerationState),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
})
export type ModerationQueueQuery = Type.Static<typeof ModerationQueueQuery>

export const Reason = Type.String({ minLength: 1, maxLength: MAX_REASON_LENGTH, pattern: '\\S' })

export const ApproveDecision = Type.Object({ reason: Type.Optional(Reason) }, { additionalProperties: false, $id: 'ApproveDecision' })
export const RejectDecision = Type.Object({ reason: Type.Optional(Reason) }, { additionalProperties: false, $id: 'RejectDecision' })

/** Publishes an edited text in place of the resident's; the reason is required. */
export const RedactDecision = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: MAX_COMMENT_LENGTH, pattern: '\\S' }),
    reason: Reason,
  },
  { additionalProperties: false, $id: 'RedactDecision' },
)
export type RedactDecision = Type.Static<typeof RedactDecision>

export const AuditEntry = Type.Object(
  {
    id: Type.Integer(),
    at: Type.String({ format: 'date-time' }),
    actor: Type.Union([Type.Object({ id: Type.Union([Type.Integer(), Type.Null()]), email: Type.String() }), Type.Null()]),
    action: Type.String({ examples: ['comment.approve'] }),
    entityType: Type.String({ examples: ['pin_comment'] }),
    entityId: Type.String(),
    before: Type.Unknown(),
    after: Type.Unknown(),
    reason: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'AuditEntry' },
)
export type AuditEntry = Type.Static<typeof AuditEntry>

export const AuditQuery = Type.Object({
  entityType: Type.Optional(Type.String({ pattern: '^[a-z_]{1,40}$' })),
  entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  beforeId: Type.Optional(Type.Integer({ minimum: 1, description: 'Only entries older than this id (the next page)' })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
})
export type AuditQuery = Type.Static<typeof AuditQuery>

export const AuditPage = Type.Object({ entries: Type.Array(AuditEntry) }, { $id: 'AuditPage' })
export type AuditPage = Type.Static<typeof AuditPage>

/** A rectangle in pixels of the stored photo, from its top-left corner. */
export const PixelRect = Type.Object(
  {
    x: Type.Integer({ minimum: 0, maximum: 4096 }),
    y: Type.Integer({ minimum: 0, maximum: 4096 }),
    width: Type.Integer({ minimum: 1, maximum: 4096 }),
    height: Type.Integer({ minimum: 1, maximum: 4096 }),
  },
  { additionalProperties: false, examples: [{ x: 120, y: 40, width: 80, height: 60 }] },
)
export type PixelRect = Type.Static<typeof PixelRect>

/** The most blur rectangles one redaction may have. */
export const MAX_BLUR_RECTS = 20

/**
 * Redacts a photo: blurs rectangles (faces, number plates) and/or crops it, both in pixels of
 * the stored image before the crop. The stored file is replaced; the reason is required.
 * `approve` publishes the photo at once; without it the photo keeps its state.
 */
export const PhotoRedaction = Type.Object(
  {
    reason: Reason,
    crop: Type.Optional(PixelRect),
    blur: Type.Optional(Type.Array(PixelRect, { maxItems: MAX_BLUR_RECTS })),
    approve: Type.Optional(Type.Boolean({ default: false })),
  },
  {
    additionalProperties: false,
    $id: 'PhotoRedaction',
    examples: [{ reason: 'Ansikte och registreringsskylt', blur: [{ x: 120, y: 40, width: 80, height: 60 }], crop: { x: 0, y: 0, width: 300, height: 180 }, approve: true }],
  },
)
export type PhotoRedaction = Type.Static<typeof PhotoRedaction>
