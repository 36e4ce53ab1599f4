import type { Kysely, Transaction } from 'kysely'
import type { StaffAccount, StaffRole } from '@trygg/domain'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/** What login needs of an account, found by email in any municipality. */
export interface LoginAccount {
  id: number
  municipalityId: number
  passwordHash: string
  disabled: boolean
}

export async function findLoginAccount(db: Db, email: string): Promise<LoginAccount | undefined> {
  const row = await db
    .selectFrom('staff_account')
    .select(['id', 'municipality_id', 'password_hash', 'disabled_at'])
    .where('email', '=', email)
    .executeTakeFirst()
  return row && { id: row.id, municipalityId: row.municipality_id, passwordHash: row.password_hash, disabled: row.disabled_at !== null }
}

const accountColumns = ['id', 'email', 'role', 'organisation', 'disabled_at', 'created_at'] as const

function toAccount(row: { id: number; email: string; role: StaffRole; organisation: string | null; disabled_at: Date | null; created_at: Date }): StaffAccount {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    organisation: row.organisation,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
  }
}

/** The municipality's accounts, by email. */
export async function listAccounts(db: Db, municipalityId: number): Promise<StaffAccount[]> {
  const rows = await db.selectFrom('staff_account').select(accountColumns).where('municipality_id', '=', municipalityId).orderBy('email').execute()
  return rows.map(toAccount)
}

/** One account of the municipality; `forUpdate` locks it for the rest of the transaction. */
export async function findAccount(db: Db, municipalityId: number, id: number, forUpdate = false): Promise<StaffAccount | undefined> {
  let query = db.selectFrom('staff_account').select(accountColumns).where('municipality_id', '=', municipalityId).where('id', '=', id)
  if (forUpdate) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  return row && toAccount(row)
}

export async function emailExists(db: Db, email: string): Promise<boolean> {
  return (await db.selectFrom('staff_account').select('id').where('email', '=', email).executeTakeFirst()) !== undefined
}

export interface NewAccountRow {
  municipalityId: number
  email: string
  role: StaffRole
  organisation: string | null
  passwordHash: string
  at: Date
}

/** Inserts an account; undefined when the email is taken (checked by the unique index). */
export async function insertAccount(db: Db, a: NewAccountRow): Promise<StaffAccount | undefined> {
  const row = await db
    .insertInto('staff_account')
    .values({
      municipality_id: a.municipalityId,
      email: a.email,
      role: a.role,
      organisation: a.organisation,
      password_hash: a.passwordHash,
      created_at: a.at,
      updated_at: a.at,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(accountColumns)
    .executeTakeFirst()
  return row && toAccount(row)
}

export interface AccountUpdate {
  role: StaffRole
  organisation: string | null
  disabled: boolean
}

export async function updateAccount(db: Db, municipalityId: number, id: number, u: AccountUpdate, at: Date, wasDisabled: boolean): Promise<StaffAccount> {
  const row = await db
    .updateTable('staff_account')
    .set({
      role: u.role,
      organisation: u.organisation,
      // Keeps the original time of disabling when an account stays disabled.
      ...(u.disabled === wasDisabled ? {} : { disabled_at: u.disabled ? at : null }),
      updated_at: at,
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .returning(accountColumns)
    .executeTakeFirstOrThrow()
  return toAccount(row)
}

export async function setPasswordHash(db: Db, municipalityId: number, id: number, passwordHash: string, at: Date): Promise<void> {
  await db
    .updateTable('staff_account')
    .set({ password_hash: passwordHash, updated_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute()
}

/** Enabled admins of the municipality, locked so two demotions cannot both pass the check. */
export async function countEnabledAdmins(db: Db, municipalityId: number): Promise<number> {
  const rows = await db
    .selectFrom('staff_account')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .forUpdate()
    .execute()
  return rows.length
}
