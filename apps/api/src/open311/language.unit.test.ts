import { describe, expect, it } from 'vitest'
import { languageOf } from './language.ts'

describe('languageOf', () => {
  it.each([
    [undefined, 'sv'],
    ['', 'sv'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['sv-SE,sv;q=0.9,en;q=0.8', 'sv'],
    ['de,en;q=0.5', 'en'],
    ['en;q=0.4,sv;q=0.6', 'sv'],
    ['fr', 'sv'],
    ['EN-us', 'en'],
  ])('%s → %s', (header, lang) => expect(languageOf(header)).toBe(lang))
})
