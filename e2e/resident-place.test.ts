import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startGeocoderStandIn, type GeocoderStandIn } from '../apps/api/test/geocoder-stand-in.ts'
import type { RunningApp } from './support/app-server.ts'
import { startStack, type Stack } from './support/stack.ts'

const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots')
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 }

/** Confirms the place under the crosshair and answers the chosen coordinates shown in the form. */
async function confirmAndReadPlace(page: Page): Promise<[number, number]> {
  await page.click('[data-testid=confirm-location]')
  await page.waitForSelector('[data-testid=pin-form]')
  const text = await page.locator('.chosen-place__coords').innerText()
  const [lat, lon] = text.split(',').map((s) => Number(s.trim()))
  return [lat!, lon!]
}

describe('finding the place in Chromium', () => {
  let app: RunningApp
  let geocoder: GeocoderStandIn
  let browser: Browser
  let stack: Stack

  beforeAll(async () => {
    geocoder = await startGeocoderStandIn()
    stack = await startStack({ TRYGG_GEOCODER_URL: geocoder.url, TRYGG_GEOCODER_USER_AGENT: 'Trygg-e2e' })
    app = stack.app
    browser = stack.browser
  })
  afterAll(async () => {
    await stack?.stop()
    await geocoder?.close()
  })

  it('moves the map to the device position with "Använd min position"', async () => {
    const context = await browser.newContext({ ...PHONE, geolocation: { latitude: 55.79512, longitude: 13.10644 }, permissions: ['geolocation'] })
    const page = await context.newPage()
    await page.goto(app.url)
    await page.click('[data-testid=mark-place]')
    await page.click('[data-testid=use-my-position]')
    await expect.poll(() => page.locator('[role=status]').first().innerText()).toMatch(/din position/)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'place-1-position.png') })
    const [lat, lon] = await confirmAndReadPlace(page)
    expect(lat).toBeCloseTo(55.79512, 4)
    expect(lon).toBeCloseTo(13.10644, 4)
    await context.close()
  })

  it('tells the resident when the position is outside the municipality or not allowed', async () => {
    const outside = await browser.newContext({ ...PHONE, geolocation: { latitude: 59.3293, longitude: 18.0686 }, permissions: ['geolocation'] })
    const page = await outside.newPage()
    await page.goto(app.url)
    await page.click('[data-testid=mark-place]')
    await page.click('[data-testid=use-my-position]')
    expect(await page.locator('[data-testid=location-problem]').innerText()).toMatch(/utanför Kävlinge kommun/)
    await outside.close()

    const denied = await browser.newContext({ ...PHONE })
    const page2 = await denied.newPage()
    await page2.goto(app.url)
    await page2.click('[data-testid=mark-place]')
    await page2.click('[data-testid=use-my-position]')
    expect(await page2.locator('[data-testid=location-problem]').innerText()).toMatch(/fick inte använda din position/)
    await denied.close()
  })

  it('finds an address through the server and the geocoder stand-in, limited to the municipality', async () => {
    const page = await browser.newPage(PHONE)
    await page.goto(app.url)
    await page.click('[data-testid=mark-place]')
    await page.fill('[data-testid=address-search]', 'storgatan')
    await page.press('[data-testid=address-search]', 'Enter')
    const results = page.locator('[data-testid=search-results] button')
    await results.first().waitFor()
    const labels = await results.allInnerTexts()
    expect(labels).toContain('Storgatan 1, Kävlinge, Kävlinge kommun, Skåne län, Sverige')
    expect(labels.some((l) => l.includes('Lund'))).toBe(false)
    expect(await page.locator('.place-finder__attribution').innerText()).toMatch(/OpenStreetMap/)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'place-2-search.png') })

    const sent = geocoder.requests.at(-1)!
    expect(sent.userAgent).toBe('Trygg-e2e')
    expect(sent.url.searchParams.get('bounded')).toBe('1')

    await results.filter({ hasText: 'Storgatan 1, Kävlinge' }).click()
    const [lat, lon] = await confirmAndReadPlace(page)
    expect(lat).toBeCloseTo(55.7937, 4)
    expect(lon).toBeCloseTo(13.1102, 4)
    await page.close()
  })
})
