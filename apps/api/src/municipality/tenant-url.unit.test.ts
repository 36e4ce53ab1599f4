import { describe, expect, it } from 'vitest'
import { routedUrl, sitePrefixOf, tenantSlugOf } from './tenant-url.ts'

describe('municipality site prefixes /k/<slug>', () => {
  it('reads the slug of a prefixed URL, as written', () => {
    expect(tenantSlugOf('/k/lund/api/config')).toBe('lund')
    expect(tenantSlugOf('/k/lund')).toBe('lund')
    expect(tenantSlugOf('/k/lund?x=1')).toBe('lund')
    expect(tenantSlugOf('/k//api/x')).toBe('')
    expect(tenantSlugOf('/k/%41/api/x')).toBe('%41')
    for (const url of ['/', '/api/config', '/kommun/api', '/x/k/lund/']) expect(tenantSlugOf(url), url).toBeNull()
  })

  it('routes API and Open311 calls without the prefix and leaves pages alone', () => {
    expect(routedUrl('/k/lund/api/pins?bbox=1,2,3,4')).toBe('/api/pins?bbox=1,2,3,4')
    expect(routedUrl('/k/lund/open311/v2/services.json')).toBe('/open311/v2/services.json')
    for (const url of ['/k/lund/', '/k/lund/resultat', '/k/lund/f/abc', '/api/config', '/k/lund/apix/']) expect(routedUrl(url), url).toBe(url)
  })

  it('gives the prefix for links back to the same site', () => {
    expect(sitePrefixOf('/k/lund/api/results/feed.atom')).toBe('/k/lund')
    expect(sitePrefixOf('/api/results/feed.atom')).toBe('')
  })
})
