/**
 * A static check that queries on pin-holding tables name `municipality_id`: the key every
 * tenant's rows are filtered by, and the distribution column once the tables are sharded
 * (docs/scaling.md). It reads TypeScript source and finds
 * - every top-level sql`…` template (nested ones are part of their statement), and
 * - every Kysely chain from `.selectFrom/.updateTable/.deleteFrom/.insertInto('table' …)` to its `.execute`,
 * and reports those that touch a pin-holding table without `municipality_id` or `pinWhere(`
 * (which always starts with the municipality filter).
 */

export interface Unfiltered {
  line: number
  table: string
  text: string
}

/** Pin-holding tables of the migrations: `pin`, `pin_*`, and any table with a `pin_id` column. */
export function pinHoldingTables(migrationsSql: string): string[] {
  const out = new Set<string>()
  for (const m of migrationsSql.matchAll(/CREATE TABLE\s+(?:IF NOT EXISTS\s+)?([a-z_][a-z0-9_]*)\s*\(([\s\S]*?)\n\);/gi)) {
    const [, name = '', body = ''] = m
    if (name === 'pin' || name.startsWith('pin_') || /^\s*pin_id\s/m.test(body)) out.add(name)
  }
  return [...out].sort()
}

/** Every statement in `source` that touches one of `tables`. */
export function queriesOn(source: string, tables: readonly string[]): Unfiltered[] {
  const out: Unfiltered[] = []
  const sqlRef = new RegExp(`\\b(?:FROM|JOIN|UPDATE|INTO|USING)\\s+(${tables.join('|')})\\b`, 'i')
  for (const { start, text } of sqlTemplates(source)) {
    const hit = sqlRef.exec(text)
    if (hit) out.push({ line: lineOf(source, start), table: hit[1]!, text })
  }
  const chain = new RegExp(`\\.(?:selectFrom|updateTable|deleteFrom|insertInto)\\(\\s*['"](${tables.join('|')})(?:\\s+as\\s+\\w+)?['"]`, 'g')
  for (const m of source.matchAll(chain)) {
    const end = source.indexOf('.execute', m.index)
    out.push({ line: lineOf(source, m.index!), table: m[1]!, text: source.slice(m.index, end < 0 ? undefined : end) })
  }
  return out.sort((a, b) => a.line - b.line)
}

/** Every statement in `source` that touches one of `tables` without naming the municipality. */
export function unfilteredQueries(source: string, tables: readonly string[]): Unfiltered[] {
  return queriesOn(source, tables).filter((q) => !filtersMunicipality(q.text))
}

const filtersMunicipality = (text: string) => /municipality_id|pinWhere\(/.test(text)

const lineOf = (source: string, index: number) => source.slice(0, index).split('\n').length

/** The top-level sql`…` templates of a source, with their offsets (nested templates included in the text). */
function sqlTemplates(source: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = []
  const opener = /\bsql(?:<[^`;]*?>)?`/g
  let m: RegExpExecArray | null
  while ((m = opener.exec(source))) {
    const bodyStart = m.index + m[0].length
    const end = templateEnd(source, bodyStart)
    out.push({ start: m.index, text: source.slice(bodyStart, end) })
    opener.lastIndex = end + 1
  }
  return out
}

/** Index of the backtick closing a template whose body starts at `i`, skipping `${…}` with nested templates. */
function templateEnd(s: string, i: number): number {
  while (i < s.length) {
    const c = s[i]
    if (c === '\\') i += 2
    else if (c === '`') return i
    else if (c === '$' && s[i + 1] === '{') i = expressionEnd(s, i + 2) + 1
    else i++
  }
  return s.length
}

function expressionEnd(s: string, i: number): number {
  let depth = 1
  while (i < s.length) {
    const c = s[i]
    if (c === '`') i = templateEnd(s, i + 1) + 1
    else if (c === "'" || c === '"') {
      const q = c
      i++
      while (i < s.length && s[i] !== q) i += s[i] === '\\' ? 2 : 1
      i++
    } else {
      if (c === '{') depth++
      if (c === '}' && --depth === 0) return i
      i++
    }
  }
  return s.length
}
