import { describe, expect, it } from 'vitest'
import { dominantCategory, readableTextColor } from './colors.ts'

describe('dominantCategory', () => {
  it('picks the largest count, the first on ties', () => {
    expect(dominantCategory({ littering: 2, speeding: 5 })).toBe('speeding')
    expect(dominantCategory({ lighting: 3, moped: 3 })).toBe('lighting')
    expect(dominantCategory({})).toBeUndefined()
  })
})

describe('readableTextColor', () => {
  it('uses white on the default group colours and black on light ones', () => {
    for (const color of ['#2e7d32', '#6a1b9a', '#c62828', '#37474f', '#1565c0']) {
      expect(readableTextColor(color)).toBe('#ffffff')
    }
    expect(readableTextColor('#ffeb3b')).toBe('#000000')
  })
})
