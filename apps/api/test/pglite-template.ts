import path from 'node:path'
import { ensurePgliteTemplate as ensureTemplate, pgliteTemplatePath } from '../src/db/pglite-template.ts'

const TMP = path.resolve(import.meta.dirname, '../../../.tmp')

/** Path of the tests' migrated PGlite data-dir dump, keyed like the server's template. */
export function templatePath(): string {
  return pgliteTemplatePath(TMP)
}

/** Creates the migrated template once; each test file then opens its own copy of it in memory. */
export function ensurePgliteTemplate(): Promise<string> {
  return ensureTemplate(templatePath())
}
