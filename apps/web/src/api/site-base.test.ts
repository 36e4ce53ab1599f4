import { describe, expect, it } from 'vitest'
import { followUrl } from '../report/follow-url.ts'
import { followTokenOf } from '../resident/follow-api.ts'
import { apiUrl, siteBase, sitePath } from './site-base.ts'

describe('the site of one municipality under /k/<slug>', () => {
  it('finds the prefix of a municipality site and nothing at the default site', () => {
    expect(siteBase('/k/lund')).toBe('/k/lund')
    expect(siteBase('/k/lund/')).toBe('/k/lund')
    expect(siteBase('/k/norra-by2/f/abc')).toBe('/k/norra-by2')
    for (const path of ['/', '/resultat', '/f/abc', '/kommun', '/k', '/k/', '/k/Lund/', '/k/-x/', '/personal']) expect(siteBase(path), path).toBe('')
  })

  it('gives the page path within the site', () => {
    expect(sitePath('/k/lund')).toBe('/')
    expect(sitePath('/k/lund/resultat')).toBe('/resultat')
    expect(sitePath('/resultat')).toBe('/resultat')
    expect(followTokenOf(sitePath('/k/lund/f/q3Yb0c7xq3Yb0c7xq3Yb0c'))).toBe('q3Yb0c7xq3Yb0c7xq3Yb0c')
  })

  it('puts API paths under the prefix and leaves other URLs alone', () => {
    expect(apiUrl('/api/config', '/k/lund/')).toBe('/k/lund/api/config')
    expect(apiUrl('/api/pins/1/photo', '/k/lund/resultat')).toBe('/k/lund/api/pins/1/photo')
    expect(apiUrl('/api/config', '/')).toBe('/api/config')
    expect(apiUrl('https://tiles.example/1/2/3.png', '/k/lund/')).toBe('https://tiles.example/1/2/3.png')
  })

  it('builds follow links on the same site', () => {
    expect(followUrl('q3Yb0c7x', 'https://trygg.example.se', '/k/lund')).toBe('https://trygg.example.se/k/lund/f/q3Yb0c7x')
    expect(followUrl('q3Yb0c7x', 'https://trygg.example.se', '')).toBe('https://trygg.example.se/f/q3Yb0c7x')
  })
})
