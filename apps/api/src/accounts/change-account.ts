import type { Kysely } from 'kysely'
import type { StaffAccount, StaffAccountChange } from '@trygg/domain'
import { recordAudit } from '../audit/audit.queries.ts'
import { deleteSessionsOf } from '../auth/sessions.queries.ts'
import { generatePassword, hashPassword } from '../auth/passwords.ts'
import type { Database } from '../db/schema.ts'
import { AppError, notFound } from '../errors/app-error.ts'
import { countEnabledAdmins, findAccount, setPasswordHash, updateAccount } from './accounts.queries.ts'
import { auditView, checkOrganisation } from './create-account.ts'

interface Actor {
  id: number
  email: string
}

const accountNotFound = () => notFound('The account', 'Kontot')

/**
 * Changes an account's role, organisation or enabled state, in one transaction with its audit
 * record. Disabling ends all the account's sessions at once. 404 for another municipality's
 * account; 409 LAST_ADMIN when the change would leave the municipality without an enabled admin.
 */
export async function changeAccount(
  db: Kysely<Database>,
  c: { municipalityId: number; id: number; change: StaffAccountChange; actor: Actor; at: Date },
): Promise<StaffAccount> {
  return db.transaction().execute(async (trx) => {
    const admins = await countEnabledAdmins(trx, c.municipalityId)
    const before = await findAccount(trx, c.municipalityId, c.id, true)
    if (!before) throw accountNotFound()
    const role = c.change.role ?? before.role
    const organisation = checkOrganisation(role, c.change.organisation !== undefined ? c.change.organisation : role === 'partner' ? before.organisation : null)
    const disabled = c.change.disabled ?? before.disabled
    const wasActiveAdmin = before.role === 'admin' && !before.disabled
    if (wasActiveAdmin && (role !== 'admin' || disabled) && admins <= 1) {
      throw new AppError(409, 'LAST_ADMIN', 'This is the last enabled admin of the municipality.', 'Det här är kommunens sista aktiva administratör.')
    }
    const after = await updateAccount(trx, c.municipalityId, c.id, { role, organisation, disabled }, c.at, before.disabled)
    if (disabled) await deleteSessionsOf(trx, c.municipalityId, c.id)
    const verb = before.disabled !== disabled ? (disabled ? 'disable' : 'enable') : 'update'
    await recordAudit(trx, {
      municipalityId: c.municipalityId,
      at: c.at,
      actor: c.actor,
      action: `account.${verb}`,
      entityType: 'staff_account',
      entityId: c.id,
      before: auditView(before),
      after: auditView(after),
    })
    return after
  })
}

/** Gives an account a new generated password and ends its sessions; returns the password once. */
export async function resetPassword(
  db: Kysely<Database>,
  c: { municipalityId: number; id: number; actor: Actor; at: Date },
): Promise<{ account: StaffAccount; password: string }> {
  const password = generatePassword()
  const passwordHash = await hashPassword(password)
  const account = await db.transaction().execute(async (trx) => {
    const account = await findAccount(trx, c.municipalityId, c.id, true)
    if (!account) throw accountNotFound()
    await setPasswordHash(trx, c.municipalityId, c.id, passwordHash, c.at)
    await deleteSessionsOf(trx, c.municipalityId, c.id)
    await recordAudit(trx, {
      municipalityId: c.municipalityId,
      at: c.at,
      actor: c.actor,
      action: 'account.reset_password',
      entityType: 'staff_account',
      entityId: c.id,
    })
    return account
  })
  return { account, password }
}
