/// <reference lib="dom" />
import path from 'node:path'
import type { CDPSession, Page } from 'playwright-core'
import type { BenchArgs } from './args.ts'
import { ROOT, startApp } from './app-process.ts'
import { loadedPostgres } from './bench-db.ts'
import { serveMarkerclusterPage } from './markercluster-page.ts'
import { p95, printResult, printTable, progress, round, target } from './report.ts'
import { entryJsGzipKb } from './web-entry-size.ts'
import { launchChromium } from '../../e2e/support/browser.ts'
import { startTileServer } from '../../e2e/support/tile-server.ts'
// @ts-expect-error plain JavaScript module without types
import { ensureWebBuild } from '../../scripts/ensure-web-build.mjs'

const PORT = 4108
const REFERENCE_PORT = 4109
/** Lighthouse's slow 4G as DevTools applies it: 562.5 ms latency, about 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024) / 8 * 0.9, uploadThroughput: (750 * 1024) / 8 * 0.9 }

/**
 * The resident web app, production build in Chromium with map tiles from a local stand-in:
 * entry JavaScript size, LCP under 4× CPU throttling and slow 4G, pan-to-clusters-painted
 * time with the loaded pins, and Leaflet.markercluster loading raw points as the reference.
 */
export async function run(args: BenchArgs): Promise<void> {
  const pins = args.pins ?? 1_000_000
  const pans = args.viewports ?? 30
  ensureWebBuild()
  const entry = entryJsGzipKb(path.join(ROOT, 'apps/web/dist'))
  progress(`web: loading ${pins} pins into PostgreSQL`)
  const { bench, db } = await loadedPostgres('web', pins)
  const tiles = await startTileServer()
  const browser = await launchChromium()
  let app
  try {
    app = await startApp({ port: PORT, databaseUrl: bench.url, web: true, env: { TRYGG_TILE_URL: tiles.url } })
    progress('web: LCP with 4× CPU throttling and slow 4G')
    const lcp = await measureLcp(browser, app.url)
    progress(`web: ${pans} pans`)
    const panTimes = await measurePans(browser, app.url, pans)
    const referenceCount = Math.min(100_000, pins)
    progress(`web: Leaflet.markercluster with ${referenceCount} raw points`)
    const reference = await serveMarkerclusterPage(REFERENCE_PORT, tiles.url, referenceCount)
    let markerclusterMs: number
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
      await page.goto(reference.url)
      await page.waitForFunction(() => (window as unknown as { __loadMs?: number }).__loadMs !== undefined, undefined, { timeout: 600_000, polling: 200 })
      markerclusterMs = await page.evaluate(() => (window as unknown as { __loadMs: number }).__loadMs)
      await page.close()
    } finally {
      await reference.close()
    }
    const waited = panTimes.filter((t): t is number => t !== null)
    const panP95 = p95(panTimes.map((t) => t ?? 0))
    printTable(`web: production build, ${pins} pins, ${panTimes.length} pans of the resident map`, ['measure', 'value', 'target', ''], [
      target('entry JavaScript, gzip', entry.kb, '<=', 160, ' KB'),
      target('LCP, 4× CPU, slow 4G', lcp, '<=', 2500, ' ms'),
      target("p95 pan end → clusters painted", panP95, '<=', 100, ' ms'),
      [`pans with clusters painted before the release (0 ms)`, `${panTimes.length - waited.length} of ${panTimes.length}`, '', ''],
      [`p95 of the ${waited.length} pans that waited`, waited.length ? `${round(p95(waited))} ms` : '–', '', ''],
      [`Leaflet.markercluster, ${referenceCount} points loaded`, `${round(markerclusterMs)} ms`, 'reference', ''],
    ])
    console.log(`entry files: ${entry.files.join(', ')}`)
    console.log(`pans, ms after the release (– = painted before it): ${panTimes.map((t) => (t === null ? '–' : String(round(t)))).join(' ')}`)
    printResult({ bench: 'web', entry_js_gzip_kb: round(entry.kb), lcp_ms: round(lcp), pan_p95_ms: round(panP95), markercluster_100k_load_ms: round(markerclusterMs) })
  } finally {
    await browser.close()
    await app?.stop()
    await tiles.close()
    await db.close()
    await bench.drop()
  }
}

type Browser = Awaited<ReturnType<typeof launchChromium>>

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G)
  return cdp
}

/** Largest contentful paint of a first visit (empty cache), median of 3. */
async function measureLcp(browser: Browser, url: string): Promise<number> {
  const runs: number[] = []
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true })
    const page = await context.newPage()
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: number }
      w.__lcp = 0
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__lcp = e.startTime
      }).observe({ type: 'largest-contentful-paint', buffered: true })
    })
    await throttle(page)
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 })
    await page.waitForSelector('.leaflet-marker-icon', { timeout: 120_000 })
    await page.waitForTimeout(1000)
    runs.push(await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp))
    await context.close()
  }
  return runs.sort((a, b) => a - b)[1]!
}

/** Per pan, ms from the mouse button's release to the clusters painted; null where nothing was left to paint. */
type PanTimes = (number | null)[]

/**
 * Zooms in to 8 and drags the map by 150–300 px in turning directions, `count` times, and times from the mouse
 * button's release to the last change of the cluster markers after the new clusters arrive,
 * one animation frame later (painted). A pan after whose release no marker changes had the
 * clusters of the view it ends at painted already (asked for while the map moved): its time is
 * null, and counts as 0 ms.
 */
async function measurePans(browser: Browser, url: string, count: number): Promise<PanTimes> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(url)
  await page.waitForSelector('.leaflet-marker-icon', { timeout: 60_000 })
  // From the national first view in to zoom 8, where a pan brings other clusters into view.
  await page.focus('.leaflet-container')
  for (let z = 0; z < 3; z++) {
    const response = page.waitForResponse((r) => r.url().includes('/api/pins/clusters'), { timeout: 10_000 }).catch(() => null)
    await page.keyboard.press('+')
    await response
  }
  await page.waitForTimeout(500)
  await page.evaluate(() => {
    const w = window as unknown as { __up: number; __painted: number[] }
    w.__painted = []
    document.addEventListener('pointerup', () => (w.__up = performance.now()), true)
    new MutationObserver(() => requestAnimationFrame(() => w.__painted.push(performance.now()))).observe(document.querySelector('.leaflet-marker-pane')!, {
      childList: true,
      subtree: true,
    })
  })
  const times: PanTimes = []
  let angle = 0.7
  for (let i = 0; i < count; i++) {
    angle += 2.4
    const d = 150 + ((i * 37) % 150)
    const [x, y] = [640, 400]
    await page.mouse.move(x, y)
    await page.mouse.down()
    for (let s = 1; s <= 8; s++) await page.mouse.move(x + (Math.cos(angle) * d * s) / 8, y + (Math.sin(angle) * d * s) / 8)
    const response = page.waitForResponse((r) => r.url().includes('/api/pins/clusters'), { timeout: 10_000 }).catch(() => null)
    await page.mouse.up()
    await response
    await page.waitForTimeout(400)
    const t = await page.evaluate(() => {
      const w = window as unknown as { __up: number; __painted: number[] }
      const after = w.__painted.filter((p) => p > w.__up)
      w.__painted = []
      return after.length ? Math.max(...after) - w.__up : null
    })
    times.push(t)
  }
  await page.close()
  return times
}
