import Type from 'typebox'
import { ApproveDecision, ModerationItem, ModerationQueue, ModerationQueueQuery, PhotoRedaction, RedactDecision, RejectDecision } from '@trygg/domain'
import { staffErrors } from '../auth/auth.schema.ts'

export const queueSchema = {
  summary: 'The moderation queue',
  description:
    'Items waiting for a decision (state=pending, oldest first), or decided ones (approved, rejected; newest ' +
    'first). Every item has a kind, comment or photo, and is identified within it by its pin.',
  tags: ['moderation'],
  querystring: ModerationQueueQuery,
  response: { 200: ModerationQueue, ...staffErrors },
}

const CommentParams = Type.Object({ pinId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) })

export const approveSchema = {
  summary: "Approve a pin's comment",
  description: 'Makes the comment public in GET /api/pins/:id. Pending and rejected comments can be approved.',
  tags: ['moderation'],
  params: CommentParams,
  body: ApproveDecision,
  response: { 200: ModerationItem, ...staffErrors },
}

export const rejectSchema = {
  summary: "Reject a pin's comment",
  description: 'The comment is not shown publicly. Pending and approved comments can be rejected.',
  tags: ['moderation'],
  params: CommentParams,
  body: RejectDecision,
  response: { 200: ModerationItem, ...staffErrors },
}

export const redactSchema = {
  summary: "Redact and publish a pin's comment",
  description: "Replaces the text (e.g. to remove names) and publishes it; the reason is required. The original stays in the audit log.",
  tags: ['moderation'],
  params: CommentParams,
  body: RedactDecision,
  response: { 200: ModerationItem, ...staffErrors },
}

export const approvePhotoSchema = {
  summary: "Approve a pin's photo",
  description: 'Makes the photo public at GET /api/pins/:id/photo. Pending and rejected photos can be approved.',
  tags: ['moderation'],
  params: CommentParams,
  body: ApproveDecision,
  response: { 200: ModerationItem, ...staffErrors },
}

export const rejectPhotoSchema = {
  summary: "Reject a pin's photo",
  description: 'The photo is not shown publicly. Pending and approved photos can be rejected.',
  tags: ['moderation'],
  params: CommentParams,
  body: RejectDecision,
  response: { 200: ModerationItem, ...staffErrors },
}

export const redactPhotoSchema = {
  summary: "Blur and crop a pin's photo",
  description:
    'Blurs rectangles (faces, number plates) strongly and/or crops the photo, in pixels of the stored image before the crop, ' +
    'then replaces the stored file with a metadata-free JPEG; the unredacted file is deleted. The reason is required; the ' +
    'audit log keeps who, when, the reason and the rectangles. `approve: true` also publishes it; otherwise its state stays. ' +
    'A rectangle outside the image answers 400.',
  tags: ['moderation'],
  params: CommentParams,
  body: PhotoRedaction,
  response: { 200: ModerationItem, ...staffErrors },
}
