import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { BoundaryFileError, parseBoundaryFile, replaceBoundary } from './administration/boundary.ts'
import { createApiKey, listApiKeys, revokeApiKey, UnknownMunicipalityError } from './api-keys/api-keys.queries.ts'
import { ConfigError, loadConfig, type Config } from './config/config.ts'
import { BackupError, backupPglite, restorePglite } from './db/backup.ts'
import { openDatabase } from './db/database.ts'
import { migrate } from './db/migrate.ts'
import { STAFF_ROLES, type StaffRole } from '@trygg/domain'
import { createAccount } from './accounts/create-account.ts'
import { AppError } from './errors/app-error.ts'
import { findMunicipality } from './municipality/municipality.queries.ts'
import { createCampaign, createMunicipality } from './municipality/municipality.setup.ts'

const USAGE = `Usage: pnpm trygg <command>

Commands:
  migrate                                     apply pending migrations
  seed-demo                                   create the Kävlinge demo in an empty database
  create-api-key --name N [--municipality S]  create an Open311 API key (printed once); without
                                              --municipality it is valid for every municipality
  list-api-keys [--municipality S]            list the keys, never the keys themselves
  revoke-api-key --id ID                      revoke a key at once
  backup FILE                                 copy the embedded database (stop Trygg first) to
                                              FILE, a .tar.gz; for PostgreSQL use pg_dump
  restore FILE [--force]                      put a backup in place of TRYGG_DATA_DIR; --force
                                              keeps an existing database aside and replaces it
  retention                                   delete follow tokens and optional contact data
                                              older than TRYGG_RETENTION_DAYS days
  create-user --email E --role R [--municipality S] [--organisation ORG]
                                              create a staff account and print its generated
                                              password once; roles: ${STAFF_ROLES.join(', ')}
                                              (partners need --organisation)
  create-municipality --slug S --name N --boundary FILE [--time-zone Z]
                                              add a municipality with the default categories and
                                              an open continuous campaign; FILE is GeoJSON (WGS84)
  import-boundary FILE [--municipality S]     replace a municipality's boundary from GeoJSON
`

/** Operator commands: `pnpm trygg migrate`, `pnpm trygg seed-demo`, `pnpm trygg create-api-key --name N`, … */
async function cli(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      force: { type: 'boolean' },
      name: { type: 'string' },
      municipality: { type: 'string' },
      id: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      organisation: { type: 'string' },
      slug: { type: 'string' },
      boundary: { type: 'string' },
      'time-zone': { type: 'string' },
    },
  })
  const option = (name: 'name' | 'municipality' | 'id' | 'slug' | 'boundary' | 'time-zone') => (typeof values[name] === 'string' ? (values[name] as string).trim() : undefined)
  const command = positionals[0]
  if (!command || command === 'help') {
    console.log(USAGE)
    return 0
  }
  const config = loadConfig()
  if (command === 'backup' || command === 'restore') return backupCommand(command, positionals[1], config, values.force === true)
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
      case 'retention': {
        await migrate(db)
        const { applyRetention } = await import('./retention/retention.queries.ts')
        const result = await applyRetention(db.kysely, { now: new Date(), days: config.retentionDays })
        console.log(`Deleted ${result.followTokens} follow tokens and ${result.contacts} contact details older than ${config.retentionDays} days (before ${result.cutoff.toISOString()}).`)
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
      case 'create-api-key': {
        const name = option('name')
        if (!name || name.length > 200) {
          console.error('create-api-key needs --name with 1 to 200 characters: who the key is for.')
          return 2
        }
        await migrate(db)
        try {
          const { key, info } = await createApiKey(db.kysely, { name, municipalitySlug: option('municipality') ?? null })
          console.log(`Created API key ${info.id} "${info.name}" for ${info.municipality ?? 'every municipality'}.`)
          console.log(`Key (shown only now; only its hash is stored):\n${key}`)
          return 0
        } catch (error) {
          if (error instanceof UnknownMunicipalityError) {
            console.error(error.message)
            return 1
          }
          throw error
        }
      }
      case 'list-api-keys': {
        const keys = await listApiKeys(db.kysely, option('municipality') ? { municipalitySlug: option('municipality')! } : {})
        if (!keys.length) console.log('No API keys.')
        for (const k of keys) {
          const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active'
          const used = k.lastUsedAt ? `used ${k.useCount} times, last ${k.lastUsedAt.toISOString()}` : 'never used'
          console.log(`${k.id}\t${k.prefix}…\t${k.name}\t${k.municipality ?? '(all)'}\t${state}\t${used}`)
        }
        return 0
      }
      case 'revoke-api-key': {
        const raw = option('id') ?? ''
        if (!/^[1-9][0-9]{0,9}$/.test(raw) || Number(raw) > 2147483647) {
          console.error('revoke-api-key needs --id with the number of the key (see list-api-keys).')
          return 2
        }
        const info = await revokeApiKey(db.kysely, Number(raw))
        if (!info) {
          console.error(`No API key has the id ${raw}.`)
          return 1
        }
        console.log(`Revoked API key ${info.id} "${info.name}" (${info.revokedAt!.toISOString()}).`)
        return 0
      }
      case 'create-municipality': {
        const slug = option('slug') ?? ''
        const name = option('name') ?? ''
        const file = option('boundary')
        const timeZone = option('time-zone') ?? 'Europe/Stockholm'
        if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug) || !name || name.length > 200 || !file) {
          console.error(`create-municipality needs --slug (a-z, 0-9, -), --name and --boundary FILE.\n\n${USAGE}`)
          return 2
        }
        if (!Intl.supportedValuesOf('timeZone').includes(timeZone)) {
          console.error(`Unknown time zone "${timeZone}".`)
          return 2
        }
        const boundary = parseBoundaryFile(fs.readFileSync(file, 'utf8'), file)
        await migrate(db)
        if (await findMunicipality(db.kysely, slug)) {
          console.error(`A municipality with the slug "${slug}" exists already.`)
          return 1
        }
        const id = await createMunicipality(db.kysely, { slug, name, boundary, timeZone })
        await createCampaign(db.kysely, { municipalityId: id, kind: 'continuous', name: 'Löpande synpunkter', startsAt: new Date(), endsAt: null })
        const { rows } = await sql<{ km2: number }>`SELECT ST_Area(boundary::geography) / 1e6 AS km2 FROM municipality WHERE municipality_id = ${id}`.execute(db.kysely)
        console.log(`Created ${name} (${slug}), ${Number(rows[0]!.km2).toFixed(1)} km², with the default categories and a continuous campaign.`)
        console.log(`Add its first admin: pnpm trygg create-user --municipality ${slug} --email E --role admin`)
        return 0
      }
      case 'import-boundary': {
        const file = positionals[1]
        if (!file) {
          console.error(`import-boundary needs the GeoJSON file.\n\n${USAGE}`)
          return 2
        }
        const boundary = parseBoundaryFile(fs.readFileSync(file, 'utf8'), file)
        await migrate(db)
        const slug = option('municipality') ?? config.municipality
        const municipality = await findMunicipality(db.kysely, slug)
        if (!municipality) {
          console.error(slug ? `No municipality with the slug "${slug}".` : 'No municipality is set up yet.')
          return 1
        }
        try {
          const r = await replaceBoundary(db.kysely, municipality.municipality_id, boundary)
          console.log(`Replaced the boundary of ${municipality.name}: ${r.parts} part(s), ${r.areaKm2} km²; ${r.pinsOutside} existing pin(s) now lie outside it.`)
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

/** `backup FILE` and `restore FILE [--force]` for the embedded database. */
async function backupCommand(command: 'backup' | 'restore', file: string | undefined, config: Readonly<Config>, force: boolean): Promise<number> {
  if (!file) {
    console.error(`${command} needs a FILE.\n\n${USAGE}`)
    return 2
  }
  if (config.databaseUrl) {
    console.error(`${command} is for the embedded database. With DATABASE_URL use pg_dump -Fc / pg_restore; see docs/operations.md.`)
    return 2
  }
  try {
    if (command === 'backup') {
      const bytes = await backupPglite(config.dataDir, file)
      console.log(`Backed up ${config.dataDir} to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB).`)
    } else {
      const aside = await restorePglite(file, config.dataDir, { force })
      console.log(`Restored ${file} into ${config.dataDir}.${aside ? ` The previous database is kept in ${aside}.` : ''}`)
    }
    return 0
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(error.message)
      return 1
    }
    throw error
  }
}

cli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error instanceof BoundaryFileError ? error.message : error)
    process.exit(1)
  },
)
