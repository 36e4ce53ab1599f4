import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

export interface PrecompressOptions {
  /** file names worth compressing */
  include?: RegExp
  /** files smaller than this many bytes are left alone */
  minBytes?: number
}

const defaults: Required<PrecompressOptions> = {
  include: /\.(js|mjs|css|html|svg|json|webmanifest|txt|map)$/,
  minBytes: 1024,
}

/**
 * Writes a `.br` (brotli, quality 11) and a `.gz` (gzip, level 9) beside every compressible
 * file of the build, so the API's static server can send them as they are
 * (`@fastify/static` with `preCompressed: true`) instead of compressing on every request.
 */
export function precompress(options: PrecompressOptions = {}): Plugin {
  const { include, minBytes } = { ...defaults, ...options }
  let outDir = 'dist'
  return {
    name: 'trygg-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    // After every other plugin's closeBundle (the service worker is written there), not beside them.
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        for (const file of await filesUnder(outDir)) {
          if (!include.test(file) || (await stat(file)).size < minBytes) continue
          const content = await readFile(file)
          const [br, gz] = await Promise.all([
            brotli(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
            gzip(content, { level: 9 }),
          ])
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)])
        }
      },
    },
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name))
}
