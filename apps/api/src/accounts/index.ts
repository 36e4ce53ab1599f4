import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { listAccounts } from './accounts.queries.ts'
import { changeAccountSchema, createAccountSchema, listAccountsSchema, resetPasswordSchema } from './accounts.schema.ts'
import { changeAccount, resetPassword } from './change-account.ts'
import { createAccount } from './create-account.ts'

const ADMIN = { roles: ['admin'] } as const

/** Administration of the municipality's staff accounts. */
export default async function accounts(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()

  app.get('/api/staff/accounts', { schema: listAccountsSchema, config: ADMIN }, async (request) => {
    return { accounts: await listAccounts(app.db.kysely, request.staff!.municipalityId) }
  })

  app.post('/api/staff/accounts', { schema: createAccountSchema, config: ADMIN }, async (request, reply) => {
    const staff = request.staff!
    const created = await createAccount(app.db.kysely, { municipalityId: staff.municipalityId, ...request.body, actor: staff, at: app.now() })
    return reply.status(201).send(created)
  })

  app.patch('/api/staff/accounts/:id', { schema: changeAccountSchema, config: ADMIN }, async (request) => {
    const staff = request.staff!
    return changeAccount(app.db.kysely, { municipalityId: staff.municipalityId, id: request.params.id, change: request.body, actor: staff, at: app.now() })
  })

  app.post('/api/staff/accounts/:id/password', { schema: resetPasswordSchema, config: ADMIN }, async (request) => {
    const staff = request.staff!
    return resetPassword(app.db.kysely, { municipalityId: staff.municipalityId, id: request.params.id, actor: staff, at: app.now() })
  })
}
