import react from '@vitejs/plugin-react'
import { defineConfig, type ProxyOptions } from 'vite'

/** The API in development; the built app is served by the API itself, on the same origin. */
const API_PROXY: Record<string, ProxyOptions> = {
  '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
  // A municipality's own API, `/k/<slug>/api/…`.
  '^/k/[^/]+/api/': { target: 'http://127.0.0.1:8080', changeOrigin: false },
}

export default defineConfig({
  plugins: [react()],
  server: { proxy: API_PROXY },
  preview: { proxy: API_PROXY },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
})
