import Type from 'typebox'
import { MAX_PASSWORD_INPUT } from './limits.ts'
import { MIN_PASSWORD_LENGTH } from './staff-roles.ts'

export const StaffRoleSchema = Type.Union([
  Type.Literal('admin'),
  Type.Literal('planner'),
  Type.Literal('moderator'),
  Type.Literal('police'),
  Type.Literal('partner'),
])

export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254, examples: ['moderator@kavlinge.demo'] })
export const Organisation = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', examples: ['Kävlingehem'] })

/** The signed-in staff member as the web app sees them. */
export const StaffMember = Type.Object(
  {
    id: Type.Integer(),
    email: Type.String(),
    role: StaffRoleSchema,
    organisation: Type.Union([Type.String(), Type.Null()]),
    municipality: Type.Object({ slug: Type.String(), name: Type.String() }),
  },
  { $id: 'StaffMember' },
)
export type StaffMember = Type.Static<typeof StaffMember>

export const LoginRequest = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_INPUT }),
  },
  { additionalProperties: false, $id: 'LoginRequest' },
)
export type LoginRequest = Type.Static<typeof LoginRequest>

/** The session: who is signed in, the CSRF token to send as `x-csrf-token`, and when it ends. */
export const StaffSession = Type.Object(
  {
    staff: StaffMember,
    csrfToken: Type.String({ description: 'Send as the x-csrf-token header on every POST, PATCH, PUT and DELETE' }),
    expiresAt: Type.String({ format: 'date-time', description: 'The absolute end of the session' }),
    idleExpiresAt: Type.String({ format: 'date-time', description: 'The end of the session unless it is used before then' }),
  },
  { $id: 'StaffSession' },
)
export type StaffSession = Type.Static<typeof StaffSession>

/** A staff account as administrators see it. */
export const StaffAccount = Type.Object(
  {
    id: Type.Integer(),
    email: Type.String(),
    role: StaffRoleSchema,
    organisation: Type.Union([Type.String(), Type.Null()]),
    disabled: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'StaffAccount' },
)
export type StaffAccount = Type.Static<typeof StaffAccount>

export const NewStaffAccount = Type.Object(
  {
    email: Email,
    role: StaffRoleSchema,
    organisation: Type.Optional(Organisation),
  },
  { additionalProperties: false, $id: 'NewStaffAccount' },
)
export type NewStaffAccount = Type.Static<typeof NewStaffAccount>

/** A change to an account; disabling ends its sessions at once. */
export const StaffAccountChange = Type.Object(
  {
    role: Type.Optional(StaffRoleSchema),
    organisation: Type.Optional(Type.Union([Organisation, Type.Null()])),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1, $id: 'StaffAccountChange' },
)
export type StaffAccountChange = Type.Static<typeof StaffAccountChange>

/** A new account or a reset password: the generated password is shown this once. */
export const StaffAccountWithPassword = Type.Object(
  {
    account: StaffAccount,
    password: Type.String({ minLength: MIN_PASSWORD_LENGTH, description: 'Generated; not stored and not shown again' }),
  },
  { $id: 'StaffAccountWithPassword' },
)
export type StaffAccountWithPassword = Type.Static<typeof StaffAccountWithPassword>
