import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { AGE_BANDS, GENDERS, type BackgroundQuestions, type StaffRole } from '@trygg/domain'
import { recordAudit } from '../audit/audit.queries.ts'
import { AppError, notFound } from '../errors/app-error.ts'
import { findPinForPhoto } from '../photos/photos.queries.ts'
import { hashFollowToken } from '../pins/pins.queries.ts'
import { backgroundQuestionsOn, backgroundStatistics, insertBackground, municipalitySettings, setBackgroundQuestions } from './background.queries.ts'
import { answerSchema, questionsSchema, settingSchema, statisticsSchema } from './background.schema.ts'

const ADMIN: StaffRole[] = ['admin']
const STATISTICS: StaffRole[] = ['admin', 'planner']

const questions = (enabled: boolean): BackgroundQuestions => ({ enabled, ageBands: [...AGE_BANDS], genders: [...GENDERS] })

/** The optional background questions: whether they are asked, the answers, and statistics of groups of 5 or more. */
export default async function background(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()

  app.get('/api/background-questions', { schema: questionsSchema }, async (request, reply) => {
    const { municipality } = await app.tenant(request)
    reply.header('cache-control', 'no-cache')
    return questions(backgroundQuestionsOn(municipality.settings))
  })

  app.post('/api/pins/:id/background', { schema: answerSchema, config: { rateLimit: app.residentRateLimit } }, async (request, reply) => {
    const { municipality } = await app.tenant(request)
    if (!backgroundQuestionsOn(municipality.settings)) {
      throw new AppError(403, 'FORBIDDEN', 'This municipality does not ask background questions.', 'Kommunen ställer inga bakgrundsfrågor.')
    }
    const pin = await findPinForPhoto(app.db.kysely, municipality.municipality_id, request.params.id, hashFollowToken(request.headers['x-follow-token']))
    if (!pin) throw notFound('The pin', 'Markeringen')
    if (!pin.token_matches) throw new AppError(403, 'FORBIDDEN', 'The follow token does not belong to this pin.', 'Följlänken hör inte till den här markeringen.')
    if (!(await insertBackground(app.db.kysely, municipality.municipality_id, pin.id, request.body, app.now()))) {
      throw new AppError(409, 'CONFLICT', 'This pin already has background answers.', 'Markeringen har redan svar på bakgrundsfrågorna.')
    }
    return reply.status(204).send(null)
  })

  app.put('/api/staff/settings/background-questions', { schema: settingSchema, config: { roles: ADMIN } }, async (request) => {
    const staff = request.staff!
    const before = backgroundQuestionsOn(await municipalitySettings(app.db.kysely, staff.municipalityId))
    await app.db.kysely.transaction().execute(async (trx) => {
      await setBackgroundQuestions(trx, staff.municipalityId, request.body.enabled)
      await recordAudit(trx, {
        municipalityId: staff.municipalityId,
        at: app.now(),
        actor: staff,
        action: 'settings.background_questions',
        entityType: 'municipality',
        entityId: staff.municipalityId,
        before: { enabled: before },
        after: { enabled: request.body.enabled },
      })
    })
    app.invalidateTenant()
    return questions(request.body.enabled)
  })

  app.get('/api/staff/statistics/background', { schema: statisticsSchema, config: { roles: STATISTICS } }, async (request) =>
    backgroundStatistics(app.db.kysely, request.staff!.municipalityId, request.query.by),
  )
}
