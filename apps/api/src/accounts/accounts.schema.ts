import Type from 'typebox'
import { NewStaffAccount, StaffAccount, StaffAccountChange, StaffAccountWithPassword } from '@trygg/domain'
import { staffErrors } from '../auth/auth.schema.ts'

const AccountParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) })

export const listAccountsSchema = {
  summary: "The municipality's staff accounts",
  tags: ['administration'],
  response: { 200: Type.Object({ accounts: Type.Array(StaffAccount) }), ...staffErrors },
}

export const createAccountSchema = {
  summary: 'Create a staff account',
  description:
    'Creates the account with a generated password, returned in this answer only. Partners need an organisation; ' +
    'other roles have none. Emails are unique across the deployment (409 EMAIL_TAKEN).',
  tags: ['administration'],
  body: NewStaffAccount,
  response: { 201: StaffAccountWithPassword, ...staffErrors },
}

export const changeAccountSchema = {
  summary: "Change a staff account's role, organisation or enabled state",
  description:
    'Disabling ends every session of the account at once. A role change applies to the next request. ' +
    'The last enabled admin cannot be demoted or disabled (409 LAST_ADMIN).',
  tags: ['administration'],
  params: AccountParams,
  body: StaffAccountChange,
  response: { 200: StaffAccount, ...staffErrors },
}

export const resetPasswordSchema = {
  summary: 'Give a staff account a new password',
  description: 'Generates a new password, returned in this answer only, and ends every session of the account.',
  tags: ['administration'],
  params: AccountParams,
  body: Type.Object({}, { additionalProperties: false }),
  response: { 200: StaffAccountWithPassword, ...staffErrors },
}
