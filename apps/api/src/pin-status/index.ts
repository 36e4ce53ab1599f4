import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { PinStatusChanged, SetPinStatus, type StaffRole } from '@trygg/domain'
import { staffErrors } from '../auth/auth.schema.ts'
import { AppError } from '../errors/app-error.ts'
import { setPinStatus } from './pin-status.queries.ts'

const ROLES: StaffRole[] = ['planner', 'admin']

/** Planners set a pin's status; residents see each change on their follow page. */
export default async function pinStatus(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()

  app.post(
    '/api/staff/pins/:id/status',
    {
      schema: {
        summary: "Set a pin's status",
        description:
          'received, reviewed, action_planned, done or not_done (which needs a `reason` the resident reads). Writes the ' +
          "pin's status, a status event for its follow page and an audit log entry.",
        tags: ['administration'],
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }),
        body: SetPinStatus,
        response: { 200: PinStatusChanged, ...staffErrors },
      },
      config: { roles: ROLES },
    },
    async (request) => {
      const { status, reason } = request.body
      if (status === 'not_done' && !reason?.trim()) {
        throw new AppError(400, 'VALIDATION_FAILED', 'Say why no action is taken.', 'Ange varför ingen åtgärd görs.', [{ field: 'reason', message: 'is required for not_done' }])
      }
      const staff = request.staff!
      return setPinStatus(app.db.kysely, {
        municipalityId: staff.municipalityId,
        pinId: request.params.id,
        status,
        reason: reason?.trim() || null,
        actor: staff,
        at: app.now(),
      })
    },
  )
}
