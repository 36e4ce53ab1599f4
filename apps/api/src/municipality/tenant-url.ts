/** A municipality's slug, as `pnpm trygg create-municipality --slug` accepts it. */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/

/** `/k/<slug>` followed by the end, a slash or a query string. */
const PREFIX = /^\/k\/([^/?#]*)(?=[/?#]|$)/

/**
 * The slug of a municipality's site prefix `/k/<slug>/…`, or null for a URL without one (the
 * default municipality's site). The slug is returned as written (not decoded), valid or not.
 * @example tenantSlugOf('/k/lund/api/config') // 'lund'
 * @example tenantSlugOf('/api/config') // null
 */
export function tenantSlugOf(url: string): string | null {
  const match = PREFIX.exec(url)
  return match ? match[1]! : null
}

/** `/k/<slug>` before `/api/` or `/open311/`. */
const ROUTED_PREFIX = /^\/k\/[^/?#]*(?=\/(?:api|open311)\/)/

/**
 * The URL an API request under a municipality's prefix is routed as: the same path without
 * `/k/<slug>`, so every API route serves each municipality. Pages keep their URL.
 * @example routedUrl('/k/lund/api/pins?x=1') // '/api/pins?x=1'
 * @example routedUrl('/k/lund/resultat') // '/k/lund/resultat'
 */
export function routedUrl(url: string): string {
  return url.replace(ROUTED_PREFIX, '')
}

/**
 * The site prefix a request came in under, for links back to the same site: `/k/<slug>`, or ''.
 * @example sitePrefixOf('/k/lund/api/results/feed.atom') // '/k/lund'
 */
export function sitePrefixOf(url: string): string {
  const slug = tenantSlugOf(url)
  return slug === null ? '' : `/k/${slug}`
}
