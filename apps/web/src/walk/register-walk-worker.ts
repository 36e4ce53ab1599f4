import { apiUrl, siteBase } from '../api/site-base.ts'

/** The service worker that keeps the walk page usable offline; it controls walk pages only. */
export const WALK_WORKER_URL = '/walk-sw.js'

/**
 * Registers the walk page's service worker; without support (or in development) the page works
 * online only. When the worker takes control of the page it fetches `warm` again through it, so
 * that the answers the page loaded before are in its cache for the next offline start.
 */
export function registerWalkWorker(warm: readonly string[]): () => void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return () => undefined
  const container = navigator.serviceWorker
  const warmCache = () => {
    for (const url of warm) void fetch(apiUrl(url), { headers: { Accept: 'application/json' } }).catch(() => undefined)
  }
  container.addEventListener('controllerchange', warmCache)
  container.register(WALK_WORKER_URL, { scope: `${siteBase()}/walk/` }).catch(() => undefined)
  return function stopWarming() {
    container.removeEventListener('controllerchange', warmCache)
  }
}
