import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { StaffRole } from '@trygg/domain'
import type { StaffPrincipal } from '../auth/auth-plugin.ts'
import type { Config } from '../config/config.ts'
import { PhotoStore } from '../photos/photo-store.ts'
import { decideComment, type CommentDecision } from './comment-decisions.ts'
import { readQueue } from './moderation-queue.ts'
import { approveSchema, approvePhotoSchema, queueSchema, redactPhotoSchema, redactSchema, rejectPhotoSchema, rejectSchema } from './moderation.schema.ts'
import { decidePhoto, type PhotoDecision } from './photo-decisions.ts'
import { redactPhotoDecision } from './photo-redaction.ts'

/** Who decides; planners may read the queue to see what residents wrote. */
const DECIDE: StaffRole[] = ['moderator', 'admin']
const READ: StaffRole[] = ['moderator', 'admin', 'planner']

/** The moderation queue and the decisions on it; every decision goes to the audit log. */
export default async function moderation(appBase: FastifyInstance, opts: { config: Readonly<Config> }) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()
  const store = new PhotoStore(opts.config.photoDir)

  app.get('/api/staff/moderation/queue', { schema: queueSchema, config: { roles: READ } }, async (request) => {
    const q = request.query
    return readQueue(app.db.kysely, request.staff!.municipalityId, { kind: q.kind, state: q.state ?? 'pending', limit: q.limit, offset: q.offset })
  })

  const decide = (decision: CommentDecision, staff: StaffPrincipal | null, pinId: number, body: { text?: string; reason?: string | undefined }) =>
    decideComment(app.db.kysely, {
      municipalityId: staff!.municipalityId,
      pinId,
      decision,
      ...(body.text === undefined ? {} : { text: body.text }),
      reason: body.reason,
      actor: staff!,
      at: app.now(),
    })

  app.post('/api/staff/moderation/comments/:pinId/approve', { schema: approveSchema, config: { roles: DECIDE } }, (request) =>
    decide('approve', request.staff, request.params.pinId, request.body),
  )
  app.post('/api/staff/moderation/comments/:pinId/reject', { schema: rejectSchema, config: { roles: DECIDE } }, (request) =>
    decide('reject', request.staff, request.params.pinId, request.body),
  )
  app.post('/api/staff/moderation/comments/:pinId/redact', { schema: redactSchema, config: { roles: DECIDE } }, (request) =>
    decide('redact', request.staff, request.params.pinId, request.body),
  )

  const decideOnPhoto = (decision: PhotoDecision, staff: StaffPrincipal | null, pinId: number, body: { reason?: string | undefined }) =>
    decidePhoto(app.db.kysely, { municipalityId: staff!.municipalityId, pinId, decision, reason: body.reason, actor: staff!, at: app.now() })

  app.post('/api/staff/moderation/photos/:pinId/approve', { schema: approvePhotoSchema, config: { roles: DECIDE } }, (request) =>
    decideOnPhoto('approve', request.staff, request.params.pinId, request.body),
  )
  app.post('/api/staff/moderation/photos/:pinId/reject', { schema: rejectPhotoSchema, config: { roles: DECIDE } }, (request) =>
    decideOnPhoto('reject', request.staff, request.params.pinId, request.body),
  )
  app.post('/api/staff/moderation/photos/:pinId/redact', { schema: redactPhotoSchema, config: { roles: DECIDE } }, (request) =>
    redactPhotoDecision(app.db.kysely, store, { municipalityId: request.staff!.municipalityId, pinId: request.params.pinId, redaction: request.body, actor: request.staff!, at: app.now() }),
  )
}
