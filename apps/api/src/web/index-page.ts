import zlib from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'

/** Leaflet's default tile subdomains, for templates with `{s}`. */
const SUBDOMAINS = 'abc'

/**
 * The URL of the map tile under a view's centre, as Leaflet's tile layer (256 px tiles, Web
 * Mercator, default options) asks for it: the one tile that any window shows whole at the first
 * view. Null for a template with placeholders Leaflet fills from options this cannot know.
 * @example centreTileUrl('https://tile.example/{z}/{x}/{y}.png', { lat: 55.7, lon: 13.19, zoom: 12, maxZoom: 19 }) // 'https://tile.example/12/2198/1281.png'
 */
export function centreTileUrl(template: string, view: { lat: number; lon: number; zoom: number; maxZoom: number }): string | null {
  const z = Math.max(0, Math.min(view.maxZoom, Math.round(view.zoom)))
  const n = 2 ** z
  const lat = Math.max(-85.0511287798, Math.min(85.0511287798, view.lat)) * (Math.PI / 180)
  const x = Math.floor(((view.lon + 180) / 360) * n)
  const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n)
  const wrappedX = ((x % n) + n) % n
  const values: Record<string, string> = {
    s: SUBDOMAINS[Math.abs(x + y) % SUBDOMAINS.length]!,
    z: String(z),
    x: String(wrappedX),
    y: String(Math.min(n - 1, Math.max(0, y))),
    '-y': String(n - 1 - Math.min(n - 1, Math.max(0, y))),
    r: '',
  }
  let unknown = false
  const url = template.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined) unknown = true
    return value ?? ''
  })
  return unknown ? null : url
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/**
 * JSON that may stand inside a `<script>` element: `<`, `>` and `&` are written as `\uXXXX` escapes,
 * so no text of the data can close the element or open a comment; so are U+2028 and U+2029.
 * @example scriptJson({ name: '</script>' }) // '{"name":"\\u003c/script\\u003e"}' (a backslash, then u003c)
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** The id of the data block that carries the app's configuration in the map page. */
export const CONFIG_ELEMENT_ID = 'app-config'

const CONFIG_PRELOAD = /[ \t]*<link rel="preload" href="\/api\/config" as="fetch"[^>]*>\n?/

export interface IndexPageOptions {
  /** `/k/<slug>` for a municipality's own site, '' for the default one */
  sitePrefix: string
  /** the first map tile to fetch alongside the scripts, on the resident map's page only */
  tileUrl: string | null
  /**
   * The answer of `/api/config`, written into the page as a JSON data block (on the resident
   * map's page), in place of the preload: the app then draws its first view without waiting for
   * a request and a render of its loading state.
   */
  appConfig?: unknown
}

/**
 * `index.html` for one request: the preload of `/api/config` under the municipality's own
 * prefix (or the configuration itself), and a preload of the first view's centre tile, so that
 * the tile, the largest thing the first view paints, is fetched while the scripts load instead
 * of after they have run.
 */
export function renderIndexPage(template: string, opts: IndexPageOptions): string {
  let html =
    opts.appConfig === undefined
      ? template.replace('href="/api/config"', `href="${attribute(`${opts.sitePrefix}/api/config`)}"`)
      : template
          .replace(CONFIG_PRELOAD, '')
          .replace('</head>', `  <script type="application/json" id="${CONFIG_ELEMENT_ID}">${scriptJson(opts.appConfig)}</script>\n  </head>`)
  if (opts.tileUrl) {
    html = html.replace('</head>', `  <link rel="preload" href="${attribute(opts.tileUrl)}" as="image" fetchpriority="high" />\n  </head>`)
  }
  return html
}

/**
 * Sends a rendered page compressed as the browser accepts it. The page depends on the URL alone
 * (the municipality comes from its path), so a cache may keep it under the URL, but must ask
 * again each time (`no-cache`): a municipality's centre or the build may change.
 */
export function sendPage(request: FastifyRequest, reply: FastifyReply, status: number, html: string): FastifyReply {
  const accepted = String(request.headers['accept-encoding'] ?? '')
  reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'Accept-Encoding')
  if (/\bbr\b/.test(accepted)) {
    return reply.header('content-encoding', 'br').send(zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }))
  }
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(zlib.gzipSync(html))
  return reply.send(html)
}
