import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS_DIR } from './migrate.ts'
import { pinHoldingTables, queriesOn, unfilteredQueries } from './tenant-filter.ts'

const SRC = path.resolve(import.meta.dirname, '..')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(p)
    // Tests and the staff access samples (`*.access.ts`, test code beside each feature) are not the app's queries.
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.access.ts') ? [p] : []
  })
}

const migrations = fs
  .readdirSync(MIGRATIONS_DIR)
  .filter((f) => f.endsWith('.sql'))
  .map((f) => fs.readFileSync(path.join(MIGRATIONS_DIR, f), 'utf8'))
  .join('\n')
const tables = pinHoldingTables(migrations)

describe('every query on a pin-holding table filters by municipality_id', () => {
  it('finds the pin-holding tables in the migrations', () => {
    expect(tables).toEqual(expect.arrayContaining(['pin', 'pin_cell', 'pin_status_event']))
  })

  it('sees the queries of the pin features', () => {
    const seen = sourceFiles(SRC).flatMap((f) => queriesOn(fs.readFileSync(f, 'utf8'), tables))
    expect(seen.length).toBeGreaterThan(10)
    expect([...new Set(seen.map((q) => q.table))]).toEqual(expect.arrayContaining(['pin', 'pin_cell']))
  })

  it.each(sourceFiles(SRC).map((f) => [path.relative(SRC, f), f]))('%s', (_name, file) => {
    const found = unfilteredQueries(fs.readFileSync(file, 'utf8'), tables).map((q) => `line ${q.line} (${q.table}): ${q.text.trim().slice(0, 160)}`)
    expect(found).toEqual([])
  })
})

describe('the check itself', () => {
  it('reports a statement on pin without the municipality, and accepts one with it', () => {
    const source = [
      "const a = sql`SELECT count(*) FROM pin WHERE moderation = 'published'`.execute(db)",
      'const b = sql<{ n: number }>`SELECT * FROM pin_cell WHERE municipality_id = ${m} AND zoom = ${z}`.execute(db)',
      "const c = await db.selectFrom('pin_status_event').selectAll().where('pin_id', '=', id).execute()",
      "const d = await db.selectFrom('pin').selectAll().where('municipality_id', '=', m).execute()",
      'const e = sql`SELECT 1 FROM pin AS p WHERE ${pinWhere("p", f)} ${x ? sql`AND p.id = ${x}` : sql``}`',
    ].join('\n')
    expect(unfilteredQueries(source, tables).map((q) => [q.line, q.table])).toEqual([
      [1, 'pin'],
      [3, 'pin_status_event'],
    ])
  })

  it('sees a table referenced inside a nested template as part of its statement', () => {
    const source = 'sql`SELECT 1 ${flag ? sql`FROM pin` : sql``}`'
    expect(unfilteredQueries(source, tables)).toHaveLength(1)
  })
})
