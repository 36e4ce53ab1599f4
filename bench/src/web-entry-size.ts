import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

/**
 * Gzipped size in KB of the JavaScript a resident's first visit loads: the entry module and
 * every module `index.html` preloads with it. Lazy chunks (staff, police) are not counted.
 */
export function entryJsGzipKb(dist: string): { kb: number; files: string[] } {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8')
  const files = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]!)
  const unique = [...new Set(files)]
  const bytes = unique.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(dist, f.replace(/^\//, '')))).length, 0)
  return { kb: bytes / 1024, files: unique }
}
