import type { Kysely } from 'kysely'
import type { StaffRole } from '@trygg/domain'
import { createAccount } from '../accounts/create-account.ts'
import type { Database } from '../db/schema.ts'

/** One demo account per role. */
export const DEMO_STAFF: readonly { role: StaffRole; email: string; organisation?: string }[] = [
  { role: 'admin', email: 'admin@kavlinge.demo' },
  { role: 'planner', email: 'planner@kavlinge.demo' },
  { role: 'moderator', email: 'moderator@kavlinge.demo' },
  { role: 'police', email: 'police@kavlinge.demo' },
  { role: 'partner', email: 'partner@kavlinge.demo', organisation: 'Kävlingehem' },
]

export interface DemoCredential {
  role: StaffRole
  email: string
  password: string
}

/** Creates the demo accounts with generated passwords; returns them, the only time they are known. */
export async function seedDemoStaff(db: Kysely<Database>, municipalityId: number, at = new Date()): Promise<DemoCredential[]> {
  const created: DemoCredential[] = []
  for (const s of DEMO_STAFF) {
    const { password } = await createAccount(db, { municipalityId, email: s.email, role: s.role, organisation: s.organisation, actor: null, at })
    created.push({ role: s.role, email: s.email, password })
  }
  return created
}

/** The credentials as printed once at the first demo start, e.g. `  moderator  moderator@kavlinge.demo  k7Qm-…`. */
export function formatCredentials(credentials: readonly DemoCredential[]): string {
  const width = Math.max(...credentials.map((c) => c.email.length))
  const lines = credentials.map((c) => `  ${c.role.padEnd(10)} ${c.email.padEnd(width)}  ${c.password}`)
  return ['Demo staff accounts (sign in at /login; the passwords are shown only now):', ...lines].join('\n')
}
