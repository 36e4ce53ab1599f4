import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { sql } from 'kysely'
import { openDatabase } from './database.ts'
import { BackupError, backupPglite, restorePglite } from './backup.ts'
import { insertPinInsideBoundary } from '../pins/pins.queries.ts'
import { INSIDE, seedTestMunicipality } from '../../test/fixtures.ts'
import { ensurePgliteTemplate } from '../../test/pglite-template.ts'

const root = path.resolve(import.meta.dirname, '../../../..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-backup-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** A data folder holding the test municipality and `pins` pins. */
async function dataDirWithPins(name: string, pins: number): Promise<string> {
  const dataDir = path.join(tmp, name)
  const template = await ensurePgliteTemplate()
  await (await PGlite.create({ dataDir, extensions: { postgis }, loadDataDir: new Blob([fs.readFileSync(template)]) })).close()
  const db = await openDatabase({ databaseUrl: null, dataDir })
  const { municipalityId } = await seedTestMunicipality(db.kysely)
  const category = await db.kysely.selectFrom('category').select('id').where('key', '=', 'lighting').executeTakeFirstOrThrow()
  for (let i = 0; i < pins; i++) {
    await insertPinInsideBoundary(db.kysely, {
      municipalityId, categoryId: category.id, campaignId: null, source: 'web', followTokenHash: null,
      pin: { ...INSIDE, category: 'lighting', severity: 2, timesOfDay: ['day'], comment: `backup ${i}` },
    })
  }
  await db.close()
  return dataDir
}

const pinsIn = async (dataDir: string) => {
  const db = await openDatabase({ databaseUrl: null, dataDir })
  try {
    return (await sql<{ c: string }>`SELECT comment AS c FROM pin ORDER BY id`.execute(db.kysely)).rows.map((r) => r.c)
  } finally {
    await db.close()
  }
}

describe('backup and restore of the embedded database', () => {
  it('restores exactly what was backed up, and keeps a replaced database aside', { timeout: 180_000 }, async () => {
    const source = await dataDirWithPins('source', 3)
    const file = path.join(tmp, 'trygg-backup.tar.gz')
    expect(await backupPglite(source, file)).toBeGreaterThan(1000)

    const empty = path.join(tmp, 'restored')
    expect(await restorePglite(file, empty)).toBeNull()
    expect(await pinsIn(empty)).toEqual(['backup 0', 'backup 1', 'backup 2'])

    const other = await dataDirWithPins('other', 1)
    await expect(restorePglite(file, other)).rejects.toThrow(BackupError)
    const aside = await restorePglite(file, other, { force: true })
    expect(await pinsIn(other)).toEqual(['backup 0', 'backup 1', 'backup 2'])
    expect(await pinsIn(aside!)).toEqual(['backup 0'])

    const junk = path.join(tmp, 'junk.tar.gz')
    fs.writeFileSync(junk, 'not a backup')
    await expect(restorePglite(junk, path.join(tmp, 'never'))).rejects.toThrow()
    expect(fs.existsSync(path.join(tmp, 'never'))).toBe(false)
  })

  it('works as `pnpm trygg backup FILE` and `pnpm trygg restore FILE`', { timeout: 180_000 }, async () => {
    const source = await dataDirWithPins('cli-source', 2)
    const file = path.join(tmp, 'cli.tar.gz')
    const trygg = (args: string[], dataDir: string) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/cli.ts'), ...args], {
        cwd: root,
        env: { ...process.env, TRYGG_DATA_DIR: dataDir, DATABASE_URL: '' },
      })
    expect((await trygg(['backup', file], source)).stdout).toMatch(/Backed up/)
    const target = path.join(tmp, 'cli-target')
    expect((await trygg(['restore', file], target)).stdout).toMatch(/Restored/)
    expect(await pinsIn(target)).toEqual(['backup 0', 'backup 1'])
    await expect(trygg(['restore', file], target)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/--force/) })
  })
})
