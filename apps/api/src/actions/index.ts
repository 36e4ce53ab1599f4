import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { ACTION_STATUSES, type ActionStatus, type StaffRole } from '@trygg/domain'
import { listAudit } from '../audit/audit.queries.ts'
import { AppError, notFound } from '../errors/app-error.ts'
import { actionPlanCsv } from './actions-csv.ts'
import { findActionItem, listActionItems, listChoices, listPartnerOrganisations, type ActionFilter } from './actions.queries.ts'
import { changeOptionsSchema, createSchema, exportSchema, geojsonSchema, getSchema, listSchema, optionsSchema, patchSchema } from './actions.schema.ts'
import { changeActionOptions } from './change-action-options.ts'
import { createActionItem, updateActionItem } from './change-action-item.ts'

/** Planners and admins keep the plan; police read it; partners read and update their organisation's items. */
const READ: StaffRole[] = ['planner', 'admin', 'police', 'partner']
const WRITE: StaffRole[] = ['planner', 'admin']
const UPDATE: StaffRole[] = ['planner', 'admin', 'partner']

/** A partner's organisation, which limits what it sees; undefined for every other role. */
function partnerOf(request: FastifyRequest): string | undefined {
  const staff = request.staff!
  return staff.role === 'partner' ? (staff.organisation ?? '') : undefined
}

function filterOf(request: FastifyRequest, q: { status?: string | undefined; focusArea?: string | undefined; organisation?: string | undefined }): ActionFilter {
  const statuses = q.status?.split(',')
  const unknown = statuses?.filter((s) => !(ACTION_STATUSES as readonly string[]).includes(s)) ?? []
  if (unknown.length) {
    throw new AppError(400, 'VALIDATION_FAILED', `Unknown status ${unknown.join(', ')}.`, `Okänd status ${unknown.join(', ')}.`, [
      { field: 'status', message: `must be among ${ACTION_STATUSES.join(', ')}` },
    ])
  }
  return { statuses: statuses as ActionStatus[] | undefined, focusArea: q.focusArea, organisation: q.organisation, partnerOrganisation: partnerOf(request) }
}

/** The action plan: action items with their linked pins, audit trail and CSV export. */
export default async function actions(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()
  const db = () => app.db.kysely

  const options = async (m: number) => ({
    focusAreas: await listChoices(db(), m, 'action_focus_area'),
    organisations: await listChoices(db(), m, 'action_organisation'),
    partnerOrganisations: await listPartnerOrganisations(db(), m),
  })

  app.get('/api/staff/actions/options', { schema: optionsSchema, config: { roles: READ } }, async (request) => options(request.staff!.municipalityId))

  app.put('/api/staff/actions/options', { schema: changeOptionsSchema, config: { roles: ['admin'] } }, async (request) => {
    const m = request.staff!.municipalityId
    await changeActionOptions(db(), { municipalityId: m, change: request.body, actor: request.staff!, at: app.now() })
    return options(m)
  })

  app.get('/api/staff/actions', { schema: listSchema, config: { roles: READ } }, async (request) => ({
    items: await listActionItems(db(), request.staff!.municipalityId, filterOf(request, request.query)),
  }))

  app.get('/api/staff/actions/export.csv', { schema: exportSchema, config: { roles: READ } }, async (request, reply) => {
    const m = request.staff!.municipalityId
    const items = await listActionItems(db(), m, filterOf(request, request.query))
    const csv = actionPlanCsv(items, await listChoices(db(), m, 'action_focus_area'), await listChoices(db(), m, 'action_organisation'))
    const day = app.now().toISOString().slice(0, 10)
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="atgardsplan-${day}.csv"`)
      .send(csv)
  })

  app.get('/api/staff/actions/export.geojson', { schema: geojsonSchema, config: { roles: READ } }, async (request, reply) => {
    const items = await listActionItems(db(), request.staff!.municipalityId, filterOf(request, request.query))
    const features = items
      .filter((i) => i.area)
      .map(({ area, ...properties }) => ({ type: 'Feature' as const, id: properties.id, geometry: area, properties }))
    const day = app.now().toISOString().slice(0, 10)
    return reply
      .type('application/geo+json')
      .header('content-disposition', `attachment; filename="atgardsplan-${day}.geojson"`)
      .send({ type: 'FeatureCollection', features })
  })

  app.post('/api/staff/actions', { schema: createSchema, config: { roles: WRITE } }, async (request, reply) => {
    const item = await createActionItem(db(), { municipalityId: request.staff!.municipalityId, input: request.body, actor: request.staff!, at: app.now() })
    return reply.status(201).send(item)
  })

  app.get('/api/staff/actions/:id', { schema: getSchema, config: { roles: READ } }, async (request) => {
    const m = request.staff!.municipalityId
    const item = await findActionItem(db(), m, request.params.id, partnerOf(request))
    if (!item) throw notFound('The action item', 'Åtgärden')
    return { item, history: await listAudit(db(), m, { entityType: 'action_item', entityId: String(item.id), limit: 200 }) }
  })

  app.patch('/api/staff/actions/:id', { schema: patchSchema, config: { roles: UPDATE } }, async (request) =>
    updateActionItem(db(), { municipalityId: request.staff!.municipalityId, id: request.params.id, patch: request.body, actor: request.staff!, at: app.now() }),
  )
}
