import { describe, expect, it } from 'vitest'
import { ClusterCache } from './cluster-cache.ts'

describe('ClusterCache', () => {
  it('answers a key it was given until the answer is too old', () => {
    const cache = new ClusterCache<string>({ maxAgeMs: 1000 })
    cache.set('a', 'first', 0)
    expect(cache.get('a', 1000)).toBe('first')
    expect(cache.get('a', 1001)).toBeUndefined()
    expect(cache.get('b', 0)).toBeUndefined()
  })

  it('drops the least recently used answer when full', () => {
    const cache = new ClusterCache<number>({ maxEntries: 2 })
    cache.set('a', 1, 0)
    cache.set('b', 2, 0)
    expect(cache.get('a', 0)).toBe(1)
    cache.set('c', 3, 0)
    expect(cache.get('b', 0)).toBeUndefined()
    expect(cache.get('a', 0)).toBe(1)
    expect(cache.get('c', 0)).toBe(3)
  })

  it('replaces an answer given again under the same key', () => {
    const cache = new ClusterCache<number>({ maxAgeMs: 10 })
    cache.set('a', 1, 0)
    cache.set('a', 2, 100)
    expect(cache.get('a', 105)).toBe(2)
  })
})
