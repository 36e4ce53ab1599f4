import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from './config/config.ts'
import { openDatabase } from './db/database.ts'
import { migrate } from './db/migrate.ts'
import { isEmpty, seedDemo } from './demo/seed-demo.ts'

const USAGE = `Usage: pnpm trygg <command>

Commands:
  migrate     apply pending migrations
  seed-demo   create the Kävlinge demo in an empty database
`

/** Operator commands: `pnpm trygg migrate`, `pnpm trygg seed-demo`. */
async function cli(argv: string[]) {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false })
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
        await migrate(db)
        if (!(await isEmpty(db.kysely))) {
          console.error('The database already holds a municipality; the demo is only created in an empty database.')
          return 1
        }
        const demo = await seedDemo(db.kysely)
        console.log(`Created the Kävlinge demo with ${demo.pins} pins.`)
        return 0
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
