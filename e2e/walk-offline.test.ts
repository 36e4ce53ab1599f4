import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { demoPassword, startApp, type RunningApp } from './support/app-server.ts'
import { launchChromium } from './support/browser.ts'
import { startTileServer } from './support/tile-server.ts'

const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots')
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true }

interface Staff {
  cookie: string
  csrf: string
}

/** Signs in through the API as a browser would, for calls the test makes itself. */
async function signIn(app: RunningApp, role: string): Promise<Staff> {
  const res = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: app.url },
    body: JSON.stringify({ email: `${role}@kavlinge.demo`, password: demoPassword(app.output(), role) }),
  })
  expect(res.status).toBe(200)
  const cookie = res.headers.getSetCookie().find((c) => /trygg_session=/.test(c))!.split(';')[0]!
  return { cookie, csrf: (await res.json()).csrfToken }
}

const staffFetch = (app: RunningApp, staff: Staff, url: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${app.url}${url}`, {
    method: init.method ?? 'GET',
    headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, origin: app.url, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  })

/** Fills and saves one observation with the form of the walk page. */
async function observe(page: Page, participants: number, comment: string) {
  await page.locator('[data-testid=walk-form] [data-testid=category-lighting]').check()
  await page.locator('[data-testid=walk-form] [data-testid=severity-4]').check()
  await page.locator('[data-testid=walk-form] [data-testid=time-evening]').check()
  await page.fill('[data-testid=walk-participants]', String(participants))
  await page.fill('[data-testid=walk-form] [data-testid=comment]', comment)
  await page.click('[data-testid=walk-save]')
}

const waiting = (page: Page, n: number) => page.waitForSelector(`[data-testid=walk-waiting][data-count="${n}"]`)

describe('a physical walk in Chromium', () => {
  let app: RunningApp
  let tiles: Awaited<ReturnType<typeof startTileServer>>
  let browser: Browser
  let planner: Staff
  let walk: { id: number; code: string; name: string }

  beforeAll(async () => {
    tiles = await startTileServer()
    app = await startApp({ TRYGG_TILE_URL: tiles.url, TRYGG_TILE_ATTRIBUTION: 'Testkarta' })
    browser = await launchChromium()
    planner = await signIn(app, 'planner')
    const { center } = (await (await fetch(`${app.url}/api/config`)).json()).municipality
    const now = Date.now()
    const created = await staffFetch(app, planner, '/api/staff/walks', {
      method: 'POST',
      body: {
        name: 'Kvällsvandring centrum',
        startsAt: new Date(now - 3_600_000).toISOString(),
        endsAt: new Date(now + 2 * 3_600_000).toISOString(),
        meetingPoint: { type: 'Point', coordinates: [center.lon, center.lat] },
        route: { type: 'LineString', coordinates: [[center.lon, center.lat], [center.lon + 0.002, center.lat + 0.001], [center.lon + 0.004, center.lat]] },
      },
    })
    expect(created.status).toBe(201)
    walk = await created.json()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await tiles?.close()
  })

  it('records observations offline, keeps them when the page is closed and sends each once when back online', async () => {
    const context: BrowserContext = await browser.newContext(PHONE)
    let page = await context.newPage()
    await page.goto(`${app.url}/walk/${walk.code}`)
    await page.waitForSelector('[data-testid=walk-form]')
    expect(await page.locator('h1').innerText()).toBe('Kvällsvandring centrum')
    // Geolocation is not granted here: the page says so and the crosshair places observations.
    await page.waitForSelector('[data-testid=position-note]')

    // The service worker installs, takes the page and caches the walk and the config.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await page.waitForFunction(async () => (await (await caches.open('walk-api')).keys()).length >= 2)

    await context.setOffline(true)
    await page.reload()
    await page.waitForSelector('[data-testid=walk-form]')
    await waiting(page, 0)
    await observe(page, 12, 'Mörk gångväg bakom skolan')
    await waiting(page, 1)
    expect(await page.locator('[data-testid=walk-saved]').innerText()).toMatch(/sparad på telefonen/)
    await observe(page, 7, 'Trasig lykta vid busshållplatsen')
    await waiting(page, 2)
    expect(await page.locator('[data-testid=walk-waiting]').innerText()).toMatch(/^2 observationer väntar på att skickas/)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'walk-offline.png') })

    await page.close()
    page = await context.newPage()
    await page.goto(`${app.url}/walk/${walk.code}`)
    await waiting(page, 2)

    await context.setOffline(false)
    await waiting(page, 0)
    const protocol = await (await staffFetch(app, planner, `/api/staff/walks/${walk.id}/protocol`)).json()
    expect(protocol.observations.map((o: { participants: number; comment: string; category: string }) => [o.participants, o.comment, o.category])).toEqual([
      [12, 'Mörk gångväg bakom skolan', 'lighting'],
      [7, 'Trasig lykta vid busshållplatsen', 'lighting'],
    ])
    await context.close()
  })
})
