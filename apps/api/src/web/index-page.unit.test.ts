import { describe, expect, it } from 'vitest'
import { centreTileUrl, renderIndexPage } from './index-page.ts'

const LUND = { lat: 55.7047, lon: 13.191, zoom: 12, maxZoom: 19 }

describe('centreTileUrl', () => {
  // Expected tiles from Leaflet's own EPSG:3857 projection (R = 6378137, 256 px tiles).
  it('names the tile under the centre as Leaflet asks for it', () => {
    expect(centreTileUrl('https://tile.example/{z}/{x}/{y}.png', LUND)).toBe('https://tile.example/12/2198/1281.png')
    expect(centreTileUrl('https://tile.example/{z}/{x}/{y}.png', { lat: 67.8558, lon: 20.2253, zoom: 9, maxZoom: 19 })).toBe('https://tile.example/9/284/123.png')
  })

  it("picks Leaflet's subdomain, fills {r} and {-y}, and rounds and caps the zoom", () => {
    expect(centreTileUrl('https://{s}.tile.example/{z}/{x}/{y}{r}.png', LUND)).toBe('https://c.tile.example/12/2198/1281.png')
    expect(centreTileUrl('/tiles/{z}/{x}/{-y}.png', LUND)).toBe('/tiles/12/2198/2814.png')
    expect(centreTileUrl('/tiles/{z}/{x}/{y}.png', { ...LUND, zoom: 11.6 })).toBe('/tiles/12/2198/1281.png')
    expect(centreTileUrl('/tiles/{z}/{x}/{y}.png', { ...LUND, maxZoom: 10 })).toBe('/tiles/10/549/320.png')
  })

  it('gives up on placeholders it cannot fill', () => {
    expect(centreTileUrl('https://tile.example/{z}/{x}/{y}.png?key={apiKey}', LUND)).toBeNull()
  })
})

describe('renderIndexPage', () => {
  const template = '<head>\n<link rel="preload" href="/api/config" as="fetch" crossorigin="anonymous" />\n</head><body></body>'

  it("preloads the municipality's own config and the centre tile", () => {
    const html = renderIndexPage(template, { sitePrefix: '/k/lund', tileUrl: 'https://t.example/1/2/3.png?a=1&b="2"' })
    expect(html).toContain('href="/k/lund/api/config"')
    expect(html).toContain('<link rel="preload" href="https://t.example/1/2/3.png?a=1&amp;b=&quot;2&quot;" as="image" fetchpriority="high" />')
  })

  it('writes the configuration as a data block in place of the preload, with nothing in it able to end the block', () => {
    const html = renderIndexPage(template, { sitePrefix: '', tileUrl: null, appConfig: { name: '</script><!-- & \u2028' } })
    expect(html).not.toContain('/api/config')
    expect(html).toBe('<head>\n  <script type="application/json" id="app-config">{"name":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}</script>\n  </head><body></body>')
    expect(JSON.parse(/>(\{.*\})</.exec(html)![1]!)).toEqual({ name: '</script><!-- & \u2028' })
  })

  it('leaves the default site and pages without the map as built', () => {
    expect(renderIndexPage(template, { sitePrefix: '', tileUrl: null })).toBe(template)
  })
})
