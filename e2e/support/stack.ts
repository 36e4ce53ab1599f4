import type { Browser } from 'playwright-core'
import { startApp, type RunningApp, type StartOptions } from './app-server.ts'
import { launchChromium } from './browser.ts'
import { startTileServer } from './tile-server.ts'

/** What a Chromium test runs against: the tile stand-in, Trygg drawing its map from it, and Chromium. */
export interface Stack {
  app: RunningApp
  tiles: Awaited<ReturnType<typeof startTileServer>>
  browser: Browser
  /** Closes Chromium, stops Trygg and closes the tile server. */
  stop: () => Promise<void>
}

/**
 * Starts the tile stand-in, Trygg with its map tiles from there (plus `env` and `options`, as
 * `startApp` takes them) and Chromium. If one fails to start, what already runs is stopped.
 *
 * @example const stack = await startStack({ TRYGG_GEOCODER_URL: 'off' })
 */
export async function startStack(env: Record<string, string> = {}, options: StartOptions = {}): Promise<Stack> {
  const tiles = await startTileServer()
  let app: RunningApp | undefined
  try {
    app = await startApp({ TRYGG_TILE_URL: tiles.url, TRYGG_TILE_ATTRIBUTION: 'Testkarta', ...env }, options)
    const browser = await launchChromium()
    const running = app
    return {
      app: running,
      tiles,
      browser,
      async stop() {
        await browser.close()
        await running.stop()
        await tiles.close()
      },
    }
  } catch (error) {
    await app?.stop()
    await tiles.close()
    throw error
  }
}
