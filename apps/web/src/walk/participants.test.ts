import { describe, expect, it } from 'vitest'
import { parseParticipants } from './participants.ts'

describe('parseParticipants', () => {
  it('accepts whole numbers 1–500, spaces around them too', () => {
    expect(['1', ' 12 ', '500', '007'].map(parseParticipants)).toEqual([1, 12, 500, 7])
  })

  it('refuses anything else', () => {
    expect(['', '0', '501', '2.5', '-3', '1e2', 'tolv', '1000'].map(parseParticipants)).toEqual([null, null, null, null, null, null, null, null])
  })
})
