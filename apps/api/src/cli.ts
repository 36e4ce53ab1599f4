import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from './config/config.ts'
import { openDatabase } from './db/database.ts'
import { migrate } from './db/migrate.ts'
import { STAFF_ROLES, type StaffRole } from '@trygg/domain'
import { createAccount } from './accounts/create-account.ts'
import { AppError } from './errors/app-error.ts'
import { findMunicipality } from './municipality/municipality.queries.ts'

const USAGE = `Usage: pnpm trygg <command>

Commands:
  migrate       apply pending migrations
  seed-demo     create the Kävlinge demo in an empty database
  create-user   --email E --role R [--municipality SLUG] [--organisation ORG]
                create a staff account and print its generated password once;
                roles: ${STAFF_ROLES.join(', ')} (partners need --organisation);
                the municipality defaults to TRYGG_MUNICIPALITY, else the first one
`

const OPTIONS = {
  email: { type: 'string' },
  role: { type: 'string' },
  municipality: { type: 'string' },
  organisation: { type: 'string' },
} as const

/** Operator commands: `pnpm trygg migrate`, `pnpm trygg seed-demo`, `pnpm trygg create-user …`. */
async function cli(argv: string[]) {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, strict: false, options: OPTIONS })
  const command = positionals[0]
  if (!command || command === 'help') {
    console.log(USAGE)
    return 0
  }
  const config = loadConfig()
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 })
  try {
    switch (command) {
      case 'migrate': {
        const applied = await migrate(db)
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.')
        return 0
      }
      case 'seed-demo': {
        // The demo's generator is loaded only for this command.
        const { isEmpty, seedDemo } = await import('./demo/seed-demo.ts')
        const { formatCredentials, seedDemoStaff } = await import('./demo/demo-staff.ts')
        await migrate(db)
        if (!(await isEmpty(db.kysely))) {
          console.error('The database already holds a municipality; the demo is only created in an empty database.')
          return 1
        }
        const demo = await seedDemo(db.kysely)
        const staff = await seedDemoStaff(db.kysely, demo.municipalityId)
        console.log(`Created the Kävlinge demo with ${demo.pins} pins.\n${formatCredentials(staff)}`)
        return 0
      }
      case 'create-user': {
        const email = typeof values.email === 'string' ? values.email : ''
        const role = typeof values.role === 'string' ? values.role : ''
        if (!email || !(STAFF_ROLES as readonly string[]).includes(role)) {
          console.error(`create-user needs --email and --role (${STAFF_ROLES.join(', ')}).\n\n${USAGE}`)
          return 2
        }
        await migrate(db)
        const slug = typeof values.municipality === 'string' ? values.municipality : config.municipality
        const municipality = await findMunicipality(db.kysely, slug)
        if (!municipality) {
          console.error(slug ? `No municipality with the slug "${slug}".` : 'No municipality is set up yet; run seed-demo or create one first.')
          return 1
        }
        try {
          const { account, password } = await createAccount(db.kysely, {
            municipalityId: municipality.municipality_id,
            email,
            role: role as StaffRole,
            organisation: typeof values.organisation === 'string' ? values.organisation : null,
            actor: null,
            at: new Date(),
          })
          console.log(`Created ${account.role} ${account.email} in ${municipality.name}.\nPassword (shown only now): ${password}`)
          return 0
        } catch (error) {
          if (error instanceof AppError) {
            console.error(error.message)
            return 1
          }
          throw error
        }
      }
      default:
        console.error(`Unknown command "${command}".\n\n${USAGE}`)
        return 2
    }
  } finally {
    await db.close()
  }
}

cli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error)
    process.exit(1)
  },
)
