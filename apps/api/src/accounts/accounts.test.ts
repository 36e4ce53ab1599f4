import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app.ts'
import { DEMO_STAFF, formatCredentials, seedDemoStaff } from '../demo/demo-staff.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { INJECT_ORIGIN, createStaff, login, type StaffAgent, type TestStaff } from '../../test/staff.ts'

const root = path.resolve(import.meta.dirname, '../../../..')

describe.each(ENGINES)('staff accounts on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let municipalityId: number
  let adminAccount: TestStaff
  let admin: StaffAgent

  beforeAll(async () => {
    db = await openTestDb(engine)
    ;({ municipalityId } = await seedTestMunicipality(db.kysely))
    app = await buildApp({ config: testConfig(), db })
    adminAccount = await createStaff(db.kysely, municipalityId, 'admin')
    admin = await login(app, adminAccount)
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  const create = (payload: object) => admin.inject({ method: 'POST', url: '/api/staff/accounts', payload })
  const change = (id: number, payload: object, by = admin) => by.inject({ method: 'PATCH', url: `/api/staff/accounts/${id}`, payload })
  const signIn = (email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: INJECT_ORIGIN }, remoteAddress: `192.0.2.${Math.floor(Math.random() * 250) + 1}`, payload: { email, password } })
  const auditOf = async (id: number) => (await admin.inject({ url: `/api/staff/audit?entityType=staff_account&entityId=${id}` })).json().entries

  it('creates an account with a generated password shown once', async () => {
    const res = await create({ email: 'Ny.Planerare@Trygg.test', role: 'planner' })
    expect(res.statusCode).toBe(201)
    const { account, password } = res.json()
    expect(account).toMatchObject({ email: 'ny.planerare@trygg.test', role: 'planner', organisation: null, disabled: false })
    expect(password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){4}$/)
    expect((await signIn('ny.planerare@trygg.test', password)).statusCode).toBe(200)
    const listed = (await admin.inject({ url: '/api/staff/accounts' })).json().accounts
    expect(listed.find((a: { id: number }) => a.id === account.id)).toEqual(account)
    expect(JSON.stringify(listed)).not.toMatch(/argon2|password/i)
    const [entry] = await auditOf(account.id)
    expect(entry).toMatchObject({ action: 'account.create', actor: { email: adminAccount.email }, after: { email: 'ny.planerare@trygg.test', role: 'planner' } })
    expect(JSON.stringify(entry)).not.toContain(password)
  })

  it('refuses invalid accounts and taken emails, storing nothing', async () => {
    const before = (await admin.inject({ url: '/api/staff/accounts' })).json().accounts.length
    const cases: [object, number, string][] = [
      [{ email: 'partner@trygg.test', role: 'partner' }, 400, 'organisation'],
      [{ email: 'planner2@trygg.test', role: 'planner', organisation: 'Bolaget' }, 400, 'organisation'],
      [{ email: 'not-an-email', role: 'planner' }, 400, 'email'],
      [{ email: 'x@trygg.test', role: 'superuser' }, 400, 'role'],
      [{ email: 'x@trygg.test', role: 'planner', password: 'chosen' }, 400, 'password'],
      [{ email: adminAccount.email.toUpperCase(), role: 'planner' }, 409, 'email'],
    ]
    for (const [payload, status, field] of cases) {
      const res = await create(payload)
      expect([JSON.stringify(payload), res.statusCode]).toEqual([JSON.stringify(payload), status])
      expect(JSON.stringify(res.json().fields)).toContain(field)
    }
    expect((await admin.inject({ url: '/api/staff/accounts' })).json().accounts).toHaveLength(before)
  })

  it('changes a role, effective on the next request of a live session', async () => {
    const person = await createStaff(db.kysely, municipalityId, 'planner', { email: 'role-change@trygg.test' })
    const session = await login(app, person)
    expect((await session.inject({ url: '/api/staff/audit' })).statusCode).toBe(403)
    const res = await change(person.id, { role: 'admin' })
    expect(res.json()).toMatchObject({ id: person.id, role: 'admin' })
    expect((await session.inject({ url: '/api/staff/audit' })).statusCode).toBe(200)
    expect((await change(person.id, { role: 'planner' })).statusCode).toBe(200)
    expect((await auditOf(person.id)).map((e: { action: string }) => e.action)).toEqual(['account.update', 'account.update', 'account.create'])
  })

  it('keeps organisations for partners only', async () => {
    const { account } = (await create({ email: 'hyresvard@trygg.test', role: 'partner', organisation: 'Kävlingehem' })).json()
    expect(account.organisation).toBe('Kävlingehem')
    expect((await change(account.id, { organisation: 'Riksbyggen' })).json().organisation).toBe('Riksbyggen')
    expect((await change(account.id, { organisation: null })).statusCode).toBe(400)
    expect((await change(account.id, { role: 'planner' })).json()).toMatchObject({ role: 'planner', organisation: null })
    expect((await change(account.id, { role: 'partner' })).statusCode).toBe(400)
    expect((await change(account.id, {})).statusCode).toBe(400)
  })

  it('disables and enables an account, recording both', async () => {
    const person = await createStaff(db.kysely, municipalityId, 'police', { email: 'disable-me@trygg.test' })
    const session = await login(app, person)
    expect((await change(person.id, { disabled: true })).json().disabled).toBe(true)
    expect((await session.inject({ url: '/api/auth/session' })).statusCode).toBe(401)
    expect((await signIn(person.email, person.password)).statusCode).toBe(401)
    expect((await change(person.id, { disabled: false })).json().disabled).toBe(false)
    expect((await signIn(person.email, person.password)).statusCode).toBe(200)
    const actions = (await auditOf(person.id)).map((e: { action: string; after: { disabled: boolean } }) => [e.action, e.after.disabled])
    expect(actions).toEqual([['account.enable', false], ['account.disable', true], ['account.create', false]])
  })

  it('never leaves the municipality without an enabled admin', async () => {
    const solo = await seedTestMunicipality(db.kysely, 'ensam', 'Ensam')
    const only = await createStaff(db.kysely, solo.municipalityId, 'admin', { email: 'only-admin@trygg.test' })
    const me = await login(app, only)
    expect((await change(only.id, { role: 'planner' }, me)).json()).toMatchObject({ statusCode: 409, code: 'LAST_ADMIN' })
    expect((await change(only.id, { disabled: true }, me)).json().code).toBe('LAST_ADMIN')
    const second = await createStaff(db.kysely, solo.municipalityId, 'admin', { email: 'second-admin@trygg.test' })
    expect((await change(second.id, { disabled: true }, me)).statusCode).toBe(200)
    expect((await change(only.id, { role: 'planner' }, me)).statusCode).toBe(409)
    expect((await change(second.id, { disabled: false }, me)).statusCode).toBe(200)
    expect((await change(only.id, { role: 'planner' }, me)).statusCode).toBe(200)
    // Demoted, the session now lacks the role.
    expect((await me.inject({ url: '/api/staff/accounts' })).statusCode).toBe(403)
  })

  it('resets a password: the old one stops working and sessions end', async () => {
    const person = await createStaff(db.kysely, municipalityId, 'moderator', { email: 'forgetful@trygg.test' })
    const session = await login(app, person)
    const res = await admin.inject({ method: 'POST', url: `/api/staff/accounts/${person.id}/password`, payload: {} })
    expect(res.statusCode).toBe(200)
    const { password } = res.json()
    expect(password).not.toBe(person.password)
    expect((await session.inject({ url: '/api/auth/session' })).statusCode).toBe(401)
    expect((await signIn(person.email, person.password)).statusCode).toBe(401)
    expect((await signIn(person.email, password)).statusCode).toBe(200)
    const [entry] = await auditOf(person.id)
    expect(entry).toMatchObject({ action: 'account.reset_password', before: null, after: null })
  })

  it('creates one demo account per role and prints their passwords', async () => {
    const demo = await seedTestMunicipality(db.kysely, 'demo', 'Demo')
    const credentials = await seedDemoStaff(db.kysely, demo.municipalityId)
    expect(credentials.map((c) => c.role)).toEqual(['admin', 'planner', 'moderator', 'police', 'partner'])
    const text = formatCredentials(credentials)
    for (const c of credentials) {
      expect(text).toMatch(new RegExp(`${c.role} +${c.email.replace(/\./g, '\\.')} +${c.password}\n?`))
      const res = await signIn(c.email, c.password)
      expect(res.statusCode).toBe(200)
      expect(res.json().staff).toMatchObject({ role: c.role, organisation: DEMO_STAFF.find((d) => d.role === c.role)!.organisation ?? null })
    }
  })

  it.runIf(engine === 'postgres')('creates a user from the command line and prints the password once', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/cli.ts'), ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: db.url!, TRYGG_MUNICIPALITY: '' },
        encoding: 'utf8',
      })
    const ok = run('create-user', '--email', 'cli@trygg.test', '--role', 'partner', '--municipality', 'testkommun', '--organisation', 'Kävlingehem')
    expect(ok.status).toBe(0)
    expect(ok.stdout).toMatch(/Created partner cli@trygg\.test in Testkommun\.\nPassword \(shown only now\): [A-Za-z2-9-]{24}\n/)
    const again = run('create-user', '--email', 'cli@trygg.test', '--role', 'planner')
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/already exists/)
    expect(run('create-user', '--email', 'x@trygg.test', '--role', 'boss').status).toBe(2)
  }, 300_000)
})
