import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = fileURLToPath(new URL('../../', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'staff' ? [] : sourceFiles(full)
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : []
  })
}

describe('the hotspot map stays out of the resident bundle', () => {
  // Only a lazy `import('…/staff/…')` may reach it from outside src/staff; a static import would
  // put it in the resident entry chunk.
  it('is statically imported by no file outside src/staff', () => {
    const files = sourceFiles(src)
    expect(files.length).toBeGreaterThan(10)
    const offenders = files.filter((file) => /from\s+['"][^'"]*staff\//.test(readFileSync(file, 'utf8')))
    expect(offenders).toEqual([])
  })
})
