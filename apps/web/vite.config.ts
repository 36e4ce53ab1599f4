import react from '@vitejs/plugin-react'
import { defineConfig, type ProxyOptions } from 'vite'
import { precompress } from './precompress.ts'

/** The API in development; the built app is served by the API itself, on the same origin. */
const API_PROXY: Record<string, ProxyOptions> = {
  '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
}

export default defineConfig({
  plugins: [react(), precompress()],
  server: { proxy: API_PROXY },
  preview: { proxy: API_PROXY },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
})
