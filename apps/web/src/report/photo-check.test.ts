import { describe, expect, it } from 'vitest'
import { photoProblem } from './photo-check.ts'

describe('photoProblem', () => {
  it('accepts JPEG, PNG and WebP up to 10 MB, and files without a type', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp', '']) expect(photoProblem({ type, size: 10 * 1024 * 1024 })).toBeUndefined()
  })
  it('refuses other types and larger files', () => {
    expect(photoProblem({ type: 'image/svg+xml', size: 100 })).toBe('photoWrongType')
    expect(photoProblem({ type: 'image/gif', size: 100 })).toBe('photoWrongType')
    expect(photoProblem({ type: 'image/jpeg', size: 10 * 1024 * 1024 + 1 })).toBe('photoTooLarge')
  })
})
