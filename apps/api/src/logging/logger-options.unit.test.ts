import { describe, expect, it } from 'vitest'
import { redactUrl } from './logger-options.ts'

describe('redactUrl', () => {
  it('hides follow tokens and query strings', () => {
    expect(redactUrl('/f/q3Yb0c7xK1m9sP2aT5vWfQ')).toBe('/f/[redacted]')
    expect(redactUrl('/api/follow/q3Yb0c7xK1m9sP2aT5vWfQ?x=1')).toBe('/api/follow/[redacted]')
    expect(redactUrl('/api/pins/clusters?bbox=1,2,3,4&zoom=3')).toBe('/api/pins/clusters')
    expect(redactUrl('/api/pins/12')).toBe('/api/pins/12')
  })
})
