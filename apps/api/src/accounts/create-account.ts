import type { Kysely } from 'kysely'
import type { StaffAccount, StaffRole } from '@trygg/domain'
import { recordAudit } from '../audit/audit.queries.ts'
import { generatePassword, hashPassword } from '../auth/passwords.ts'
import type { Database } from '../db/schema.ts'
import { AppError } from '../errors/app-error.ts'
import { insertAccount } from './accounts.queries.ts'

export interface CreateAccount {
  municipalityId: number
  email: string
  role: StaffRole
  organisation?: string | null | undefined
  /** Who creates it; null for an operator command or the demo. */
  actor: { id: number; email: string } | null
  at: Date
}

/** Emails are compared trimmed and in lower case. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase()

/** Throws 400 unless partners have an organisation and nobody else has one. */
export function checkOrganisation(role: StaffRole, organisation: string | null | undefined): string | null {
  const org = organisation?.trim() || null
  if (role === 'partner' && !org) {
    throw new AppError(400, 'VALIDATION_FAILED', 'A partner account needs an organisation.', 'Ett partnerkonto behöver en organisation.', [
      { field: 'organisation', message: 'is required for partners' },
    ])
  }
  if (role !== 'partner' && org) {
    throw new AppError(400, 'VALIDATION_FAILED', 'Only partner accounts belong to an organisation.', 'Bara partnerkonton hör till en organisation.', [
      { field: 'organisation', message: 'is only for partners' },
    ])
  }
  return org
}

/**
 * Creates a staff account with a generated password, records it in the audit log, and returns
 * the account with the password: the only time it is known. 409 when the email is taken.
 */
export async function createAccount(db: Kysely<Database>, c: CreateAccount): Promise<{ account: StaffAccount; password: string }> {
  const email = normalizeEmail(c.email)
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    throw new AppError(400, 'VALIDATION_FAILED', `"${email}" is not an email address.`, `"${email}" är ingen e-postadress.`, [
      { field: 'email', message: 'is not an email address' },
    ])
  }
  const organisation = checkOrganisation(c.role, c.organisation)
  const password = generatePassword()
  const passwordHash = await hashPassword(password)
  const account = await db.transaction().execute(async (trx) => {
    const created = await insertAccount(trx, { municipalityId: c.municipalityId, email, role: c.role, organisation, passwordHash, at: c.at })
    if (!created) {
      throw new AppError(409, 'EMAIL_TAKEN', 'An account with this email already exists.', 'Det finns redan ett konto med den e-postadressen.', [
        { field: 'email', message: 'is already in use' },
      ])
    }
    await recordAudit(trx, {
      municipalityId: c.municipalityId,
      at: c.at,
      actor: c.actor,
      action: 'account.create',
      entityType: 'staff_account',
      entityId: created.id,
      after: auditView(created),
    })
    return created
  })
  return { account, password }
}

/** The fields of an account the audit log keeps: never the password hash. */
export const auditView = (a: StaffAccount) => ({ email: a.email, role: a.role, organisation: a.organisation, disabled: a.disabled })
