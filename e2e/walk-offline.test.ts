import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { RunningApp } from './support/app-server.ts'
import { png } from '../apps/api/test/photo-fixtures.ts'
import { planWalk, signIn, staffFetch, type StaffCaller } from './support/staff-api.ts'
import { startStack, type Stack } from './support/stack.ts'
import { signInPage } from './support/staff-page.ts'

const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots')
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true }

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
  let browser: Browser
  let stack: Stack
  let planner: StaffCaller
  let walk: { id: number; code: string; name: string }

  beforeAll(async () => {
    stack = await startStack()
    app = stack.app
    browser = stack.browser
    planner = await signIn(app, 'planner')
    walk = await planWalk(app, planner, 'Kvällsvandring centrum')
  })
  afterAll(() => stack?.stop())

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
    // The first one with a photo, kept as a Blob in IndexedDB until the observation exists.
    await page.setInputFiles('[data-testid=walk-form] [data-testid=photo-input]', { name: 'gangvag.png', mimeType: 'image/png', buffer: await png(64, 48) })
    await observe(page, 12, 'Mörk gångväg bakom skolan')
    await waiting(page, 1)
    expect(await page.locator('[data-testid=walk-saved]').innerText()).toMatch(/sparad på telefonen/)
    // The second one a bit further along: the map moves under the crosshair.
    await page.focus('[data-testid=walk-map] .leaflet-container')
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
    await observe(page, 7, 'Trasig lykta vid busshållplatsen')
    await waiting(page, 2)
    expect(await page.locator('[data-testid=walk-waiting]').innerText()).toMatch(/^2 observationer väntar på att skickas/)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('walk-saved')
    await page.screenshot({ path: path.join(SCREENSHOTS, 'walk-offline.png') })

    await page.close()
    page = await context.newPage()
    await page.goto(`${app.url}/walk/${walk.code}`)
    await waiting(page, 2)

    const backOnline = Date.now()
    await context.setOffline(false)
    await waiting(page, 0)
    const protocol = await (await staffFetch(app, planner, `/api/staff/walks/${walk.id}/protocol`)).json()
    type Observation = { participants: number; comment: string; category: string; photoUrl: string | null }
    expect(protocol.observations.map((o: Observation) => [o.participants, o.comment, o.category, o.photoUrl !== null])).toEqual([
      [12, 'Mörk gångväg bakom skolan', 'lighting', true],
      [7, 'Trasig lykta vid busshållplatsen', 'lighting', false],
    ])
    expect(protocol.observations[1].lon).toBeGreaterThan(protocol.observations[0].lon)
    // Their time is when they were recorded offline, not when they arrived.
    for (const o of protocol.observations) expect(Date.parse(o.createdAt)).toBeLessThan(backOnline)
    // The next visit sends nothing again.
    await page.reload()
    await waiting(page, 0)
    expect((await (await staffFetch(app, planner, `/api/staff/walks/${walk.id}/protocol`)).json()).observations).toHaveLength(2)
    await context.close()
  })

  it("shows the leader's own position and places an observation there on request", async () => {
    const { center } = (await (await fetch(`${app.url}/api/config`)).json()).municipality
    const here = { latitude: center.lat + 0.0012, longitude: center.lon + 0.0031 }
    const context = await browser.newContext({ ...PHONE, permissions: ['geolocation'], geolocation: here })
    const page = await context.newPage()
    await page.goto(`${app.url}/walk/${walk.code}`)
    await page.click('[data-testid=use-my-position]')
    // The route and the own position are drawn; no note about a missing position.
    expect(await page.locator('[data-testid=walk-map] .leaflet-overlay-pane path').count()).toBe(2)
    expect(await page.locator('[data-testid=position-note]').count()).toBe(0)
    await observe(page, 3, 'Vid min position')
    await waiting(page, 0)
    await page.waitForSelector('[data-testid=walk-saved]:not(:empty)')
    const protocol = await (await staffFetch(app, planner, `/api/staff/walks/${walk.id}/protocol`)).json()
    const last = protocol.observations.at(-1)
    expect([last.comment, last.participants]).toEqual(['Vid min position', 3])
    expect(last.lat).toBeCloseTo(here.latitude, 5)
    expect(last.lon).toBeCloseTo(here.longitude, 5)
    await context.close()
  })

  it('lets a planner plan a walk on the map and print the protocol of one, with its photos', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await signInPage(page, app, 'planner')
    await page.waitForURL(/\/personal\//)
    await page.getByRole('link', { name: 'Vandringar' }).click()
    await page.waitForSelector('[data-testid=new-walk-form]')

    await page.click('[data-testid=create-walk]')
    expect(await page.locator('[data-testid=walk-name][aria-invalid=true]').count()).toBe(1)
    await page.fill('[data-testid=walk-name]', 'Vårvandring Furulund')
    await page.fill('[data-testid=walk-starts-at]', '2027-04-20T18:00')
    await page.fill('[data-testid=walk-ends-at]', '2027-04-20T20:00')
    const map = (await page.locator('.walk-draw-map').boundingBox())!
    for (const [dx, dy] of [[0.5, 0.5], [0.55, 0.45], [0.6, 0.5], [0.65, 0.4]]) await page.mouse.click(map.x + map.width * dx!, map.y + map.height * dy!)
    expect(await page.locator('[data-testid=walk-drawn]').innerText()).toBe('Samlingsplats och rutt med 3 punkter.')
    await page.click('[data-testid=create-walk]')
    const row = page.locator('[data-testid=walks-table] tr', { hasText: 'Vårvandring Furulund' })
    await row.waitFor()
    const link = await row.locator('a[href^="/walk/"]').getAttribute('href')
    expect(link).toMatch(/^\/walk\/[a-z2-9]{10}$/)
    const planned = (await (await staffFetch(app, planner, '/api/staff/walks')).json()).walks.find((w: { name: string }) => w.name === 'Vårvandring Furulund')
    expect(planned.route.coordinates).toHaveLength(3)
    expect(`/walk/${planned.code}`).toBe(link)

    await page.click(`[data-testid=protocol-link-${walk.id}]`)
    await page.waitForSelector('[data-testid=walk-protocol-list]')
    expect(await page.locator('h2').first().innerText()).toBe('Protokoll: Kvällsvandring centrum')
    const items = page.locator('.walk-protocol__item')
    expect(await items.count()).toBe(3)
    expect(await items.nth(0).innerText()).toMatch(/Deltagare\s+12/)
    expect(await items.nth(1).innerText()).toMatch(/Trasig lykta vid busshållplatsen/)
    const photo = items.nth(0).locator('img.walk-protocol__photo')
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64)
    expect(await page.locator('.walk-protocol__map .leaflet-marker-icon').count()).toBe(3)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.staff-nav').isVisible()).toBe(false)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'walk-protocol-print.png'), fullPage: true })
    await page.close()
  })
})
