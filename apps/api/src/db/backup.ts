import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'

export class BackupError extends Error {}

const isEmptyDir = (dir: string) => !fs.existsSync(dir) || fs.readdirSync(dir).length === 0

/**
 * Writes a consistent copy of the embedded database in `dataDir` to `file` (a gzipped tar of
 * the data folder, PGlite's dumpDataDir). Trygg must not be running on that folder.
 * Returns the size of the file in bytes.
 */
export async function backupPglite(dataDir: string, file: string): Promise<number> {
  if (isEmptyDir(dataDir)) throw new BackupError(`There is no embedded database in ${dataDir}.`)
  const pglite = await PGlite.create({ dataDir, extensions: { postgis } })
  try {
    await pglite.query('CHECKPOINT')
    const dump = await pglite.dumpDataDir('gzip')
    const bytes = Buffer.from(await dump.arrayBuffer())
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    const tmp = `${file}.partial`
    fs.writeFileSync(tmp, bytes)
    fs.renameSync(tmp, file)
    return bytes.length
  } finally {
    await pglite.close()
  }
}

/**
 * Restores a file written by backupPglite into `dataDir`. An existing database there is kept
 * aside as `<dataDir>.before-restore-<time>` when `force` is set, else the restore is refused.
 * The restored database is opened and checked before it takes the folder's place.
 * Returns the folder the previous database was moved to, if any.
 */
export async function restorePglite(file: string, dataDir: string, { force = false, now = new Date() } = {}): Promise<string | null> {
  if (!fs.existsSync(file)) throw new BackupError(`No backup file ${file}.`)
  if (!isEmptyDir(dataDir) && !force) {
    throw new BackupError(`${dataDir} already holds a database; stop Trygg and add --force to replace it (the old one is kept aside).`)
  }
  const staging = `${dataDir}.restoring`
  fs.rmSync(staging, { recursive: true, force: true })
  const pglite = await PGlite.create({ dataDir: staging, extensions: { postgis }, loadDataDir: new Blob([fs.readFileSync(file)]) })
  try {
    await pglite.query('SELECT count(*) FROM schema_migration')
  } catch (error) {
    await pglite.close()
    fs.rmSync(staging, { recursive: true, force: true })
    throw new BackupError(`${file} is not a Trygg backup: ${(error as Error).message}`)
  }
  await pglite.close()
  let keptAside: string | null = null
  if (!isEmptyDir(dataDir)) {
    keptAside = `${dataDir}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`
    fs.renameSync(dataDir, keptAside)
  } else {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  fs.renameSync(staging, dataDir)
  return keptAside
}
