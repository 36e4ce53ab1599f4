/** The service worker that keeps the walk page usable offline; it controls /walk/ pages only. */
export const WALK_WORKER_URL = '/walk-sw.js'

/** Registers the walk page's service worker; without support (or in development) the page works online only. */
export function registerWalkWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return
  navigator.serviceWorker.register(WALK_WORKER_URL, { scope: '/walk/' }).catch(() => undefined)
}
