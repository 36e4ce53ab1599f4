/** `/k/<slug>` at the start of a path: the site of one municipality among several. */
const PREFIX = /^\/k\/[a-z0-9][a-z0-9-]{0,62}(?=\/|$)/

/**
 * The path prefix of the municipality's public site this page belongs to: `/k/<slug>`, or ''
 * for the default municipality's site at `/`.
 * @example siteBase('/k/lund/resultat') // '/k/lund'
 * @example siteBase('/resultat') // ''
 */
export function siteBase(path: string = window.location.pathname): string {
  return PREFIX.exec(path)?.[0] ?? ''
}

/**
 * The page path within the site, without its prefix.
 * @example sitePath('/k/lund/f/q3Yb0c7x') // '/f/q3Yb0c7x'
 * @example sitePath('/k/lund') // '/'
 */
export function sitePath(path: string = window.location.pathname): string {
  return path.slice(siteBase(path).length) || '/'
}

/**
 * The URL of an API path for this site: `/api/…` under the site's prefix, so the API answers
 * for the same municipality. Other URLs are returned as they are.
 * @example apiUrl('/api/config', '/k/lund/') // '/k/lund/api/config'
 */
export function apiUrl(url: string, path: string = window.location.pathname): string {
  return url.startsWith('/api/') ? `${siteBase(path)}${url}` : url
}
