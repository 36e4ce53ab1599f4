import react from '@vitejs/plugin-react'
import { defineConfig, type ProxyOptions } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { precompress } from './precompress.ts'

/** The API in development; the built app is served by the API itself, on the same origin. */
const API_PROXY: Record<string, ProxyOptions> = {
  '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
  // A municipality's own API, `/k/<slug>/api/…`.
  '^/k/[^/]+/api/': { target: 'http://127.0.0.1:8080', changeOrigin: false },
}

/**
 * The walk page's service worker (/walk-sw.js). It is registered by the walk page only, with
 * scope /walk/ (or /k/<slug>/walk/ on a municipality's own site), so no other page is ever controlled by it. It precaches the app shell (index.html
 * and every built asset, the walk chunk among them) and answers /walk/<code> navigations with
 * index.html when offline; of the API only /api/config and GET /api/walks/<code> are cached,
 * network first. Map tiles seen online are kept for offline use, at most 600.
 */
const walkWorker = VitePWA({
  injectRegister: false,
  registerType: 'autoUpdate',
  manifest: false,
  filename: 'walk-sw.js',
  scope: '/walk/',
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2}'],
    navigateFallback: '/index.html',
    navigateFallbackAllowlist: [/^\/walk\//, /^\/k\/[a-z0-9][a-z0-9-]*\/walk\//],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
    runtimeCaching: [
      {
        urlPattern: ({ url, request, sameOrigin }) => sameOrigin && request.method === 'GET' && /^(\/k\/[a-z0-9][a-z0-9-]*)?\/api\/(config|walks\/[a-z2-9]{10})$/.test(url.pathname),
        handler: 'NetworkFirst',
        options: { cacheName: 'walk-api', networkTimeoutSeconds: 6 },
      },
      {
        urlPattern: ({ request, sameOrigin }) => !sameOrigin && request.destination === 'image',
        handler: 'StaleWhileRevalidate',
        options: { cacheName: 'walk-tiles', expiration: { maxEntries: 600 }, cacheableResponse: { statuses: [0, 200] } },
      },
    ],
  },
})

export default defineConfig({
  // precompress last: it compresses what the others wrote, the walk service worker among them
  plugins: [react(), walkWorker, precompress()],
  server: { proxy: API_PROXY },
  preview: { proxy: API_PROXY },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
})
