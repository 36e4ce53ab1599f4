import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config/config.ts'
import { openDatabase, STATEMENT_TIMEOUT_MS } from './db/database.ts'
import { migrate } from './db/migrate.ts'
import { pgliteTemplatePath } from './db/pglite-template.ts'
import { formatCredentials, seedDemoStaff } from './demo/demo-staff.ts'
import { isEmpty, seedDemo } from './demo/seed-demo.ts'
import { loggerOptions } from './logging/logger-options.ts'

/** Reads the environment, opens and migrates the database, seeds the demo if asked, listens. */
async function main() {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`)
      process.exit(1)
    }
    throw error
  }
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    statementTimeoutMs: STATEMENT_TIMEOUT_MS,
    pgliteTemplate: config.databaseUrl ? undefined : pgliteTemplatePath(),
  })
  const applied = await migrate(db)
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`)
  if (config.demo && (await isEmpty(db.kysely))) {
    const demo = await seedDemo(db.kysely)
    const staff = await seedDemoStaff(db.kysely, demo.municipalityId)
    console.log(`Created the Kävlinge demo with ${demo.pins} pins.\n${formatCredentials(staff)}`)
  }
  const app = await buildApp({ config, db, logger: loggerOptions(config.logLevel) })
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down')
    await app.close()
    await db.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void close('SIGINT'))
  process.once('SIGTERM', () => void close('SIGTERM'))
  await app.listen({ port: config.port, host: config.host })
  const port = (app.server.address() as { port: number }).port
  console.log(`Trygg is running at http://localhost:${port} (database: ${db.engine === 'pglite' ? `embedded, ${config.dataDir}` : 'PostgreSQL'})`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
