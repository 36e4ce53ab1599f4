import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { recordAudit } from '../audit/audit.queries.ts'
import { insertCampaign, insertCategory, listAdminCategories, listCampaigns, updateCampaign, updateCategory } from './administration.queries.ts'
import {
  changeCampaignSchema,
  changeCategorySchema,
  createCampaignSchema,
  createCategorySchema,
  listCampaignsSchema,
  listCategoriesSchema,
  replaceBoundarySchema,
} from './administration.schema.ts'
import { replaceBoundary, toMultiPolygon } from './boundary.ts'

const ADMIN = { roles: ['admin'] } as const
const PLANNING = { roles: ['admin', 'planner'] } as const

/** Administration of the municipality: campaigns (admins and planners), categories and boundary (admins). */
export default async function administration(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()

  app.get('/api/staff/campaigns', { schema: listCampaignsSchema, config: PLANNING }, async (request) => {
    return { campaigns: await listCampaigns(app.db.kysely, request.staff!.municipalityId) }
  })

  app.post('/api/staff/campaigns', { schema: createCampaignSchema, config: PLANNING }, async (request, reply) => {
    const staff = request.staff!
    const campaign = await app.db.kysely.transaction().execute(async (trx) => {
      const created = await insertCampaign(trx, staff.municipalityId, request.body)
      await recordAudit(trx, { municipalityId: staff.municipalityId, at: app.now(), actor: staff, action: 'campaign.create', entityType: 'campaign', entityId: created.id, after: created })
      return created
    })
    app.invalidateTenant()
    return reply.status(201).send(campaign)
  })

  app.patch('/api/staff/campaigns/:id', { schema: changeCampaignSchema, config: PLANNING }, async (request) => {
    const staff = request.staff!
    const { after } = await app.db.kysely.transaction().execute(async (trx) => {
      const changed = await updateCampaign(trx, staff.municipalityId, request.params.id, request.body)
      await recordAudit(trx, { municipalityId: staff.municipalityId, at: app.now(), actor: staff, action: 'campaign.change', entityType: 'campaign', entityId: request.params.id, ...changed })
      return changed
    })
    app.invalidateTenant()
    return after
  })

  app.get('/api/staff/categories', { schema: listCategoriesSchema, config: ADMIN }, async (request) => {
    return { categories: await listAdminCategories(app.db.kysely, request.staff!.municipalityId) }
  })

  app.post('/api/staff/categories', { schema: createCategorySchema, config: ADMIN }, async (request, reply) => {
    const staff = request.staff!
    const category = await app.db.kysely.transaction().execute(async (trx) => {
      const created = await insertCategory(trx, staff.municipalityId, request.body)
      await recordAudit(trx, { municipalityId: staff.municipalityId, at: app.now(), actor: staff, action: 'category.create', entityType: 'category', entityId: created.id, after: created })
      return created
    })
    app.invalidateTenant()
    return reply.status(201).send(category)
  })

  app.patch('/api/staff/categories/:id', { schema: changeCategorySchema, config: ADMIN }, async (request) => {
    const staff = request.staff!
    const { after } = await app.db.kysely.transaction().execute(async (trx) => {
      const changed = await updateCategory(trx, staff.municipalityId, request.params.id, request.body)
      await recordAudit(trx, { municipalityId: staff.municipalityId, at: app.now(), actor: staff, action: 'category.change', entityType: 'category', entityId: request.params.id, ...changed })
      return changed
    })
    app.invalidateTenant()
    return after
  })

  app.put('/api/staff/municipality/boundary', { schema: replaceBoundarySchema, config: ADMIN, bodyLimit: 20 * 1024 * 1024 }, async (request) => {
    const staff = request.staff!
    const boundary = toMultiPolygon(request.body)
    const result = await app.db.kysely.transaction().execute(async (trx) => {
      const replaced = await replaceBoundary(trx, staff.municipalityId, boundary)
      await recordAudit(trx, { municipalityId: staff.municipalityId, at: app.now(), actor: staff, action: 'municipality.boundary', entityType: 'municipality', entityId: staff.municipalityId, after: replaced })
      return replaced
    })
    app.invalidateTenant()
    return result
  })
}
