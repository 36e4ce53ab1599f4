import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { ensurePgliteTemplate } from '../../test/pglite-template.ts'
import { openDatabase } from './database.ts'
import { migrate, readMigrations } from './migrate.ts'
import { isNewDataDir, pgliteTemplatePath } from './pglite-template.ts'

describe('a new embedded database from the template', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-template-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('starts migrated, keeps what is written, and opens again without the template', async () => {
    const dataDir = path.join(dir, 'data')
    expect(isNewDataDir(dataDir)).toBe(true)
    const db = await openDatabase({ databaseUrl: null, dataDir, pgliteTemplate: await ensurePgliteTemplate() })
    expect(await migrate(db)).toEqual([])
    const { rows } = await sql<{ version: string }>`SELECT version FROM schema_migration ORDER BY version`.execute(db.kysely)
    expect(rows.map((r) => r.version)).toEqual(readMigrations().map((m) => m.version))
    await sql`INSERT INTO municipality (slug, name, boundary) VALUES ('mall', 'Mall', ST_GeomFromText('MULTIPOLYGON(((13 55,14 55,14 56,13 56,13 55)))', 4326))`.execute(db.kysely)
    await db.close()
    expect(isNewDataDir(dataDir)).toBe(false)

    const again = await openDatabase({ databaseUrl: null, dataDir, pgliteTemplate: path.join(dir, 'missing.tar') })
    const slugs = await sql<{ slug: string }>`SELECT slug FROM municipality`.execute(again.kysely)
    expect(slugs.rows).toEqual([{ slug: 'mall' }])
    await again.close()
  })

  it('names the template after the migrations and the engine packages', () => {
    const file = pgliteTemplatePath('/somewhere')
    expect(path.dirname(file)).toBe('/somewhere')
    expect(path.basename(file)).toMatch(/^pglite-template-[0-9a-f]{12}\.tar$/)
  })
})
