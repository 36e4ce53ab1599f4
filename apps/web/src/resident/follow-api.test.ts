import { describe, expect, it } from 'vitest'
import { followTokenOf } from './follow-api.ts'

describe('followTokenOf', () => {
  it('reads the token of /f/<token> and nothing else', () => {
    expect(followTokenOf('/f/q3Yb0c7xK1m9sP2aT5vWfQ')).toBe('q3Yb0c7xK1m9sP2aT5vWfQ')
    expect(followTokenOf('/f/q3Yb0c7xK1m9sP2aT5vWfQ/')).toBe('q3Yb0c7xK1m9sP2aT5vWfQ')
    expect(followTokenOf('/f/')).toBeNull()
    expect(followTokenOf('/')).toBeNull()
    expect(followTokenOf('/personal/f/x')).toBeNull()
  })
})
