import { describe, expect, it } from 'vitest'
import { findNul } from './text-guard.ts'

describe('findNul', () => {
  it('names the first field holding a NUL character', () => {
    expect(findNul({ a: 'ok', b: { c: ['x', 'y\u0000z'] } })).toBe('b.c.1')
    expect(findNul({ ['k\u0000']: 1 })).toBe('k\u0000')
    expect(findNul('\u0000')).toBe('value')
  })
  it('passes everything else', () => {
    expect(findNul({ a: "'; DROP TABLE pin; --", b: [1, null, true, '<script>'] })).toBeNull()
    expect(findNul(undefined)).toBeNull()
  })
})
