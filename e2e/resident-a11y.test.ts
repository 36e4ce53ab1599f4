import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { axeViolations } from './support/axe.ts'
import type { RunningApp } from './support/app-server.ts'
import { planWalk, signIn } from './support/staff-api.ts'
import { fillPinForm } from './support/resident-form.ts'
import { startStack, type Stack } from './support/stack.ts'

const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots')
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 }

/** Waits until the map's clusters are drawn, so axe sees the page as a resident does. */
async function mapReady(page: Page) {
  await page.waitForSelector('[data-testid=mark-place]')
  await page.waitForSelector('.leaflet-marker-icon')
}

describe('accessibility of the resident pages (axe-core, WCAG 2.1 AA)', () => {
  let app: RunningApp
  let browser: Browser
  let stack: Stack

  beforeAll(async () => {
    stack = await startStack({ TRYGG_GEOCODER_URL: 'off' })
    app = stack.app
    browser = stack.browser
  })
  afterAll(() => stack?.stop())

  it.each(['sv', 'en'] as const)('has no violations on the map page, the report steps and the list view (%s)', async (lang) => {
    const page = await browser.newPage(PHONE)
    await page.goto(app.url)
    if (lang === 'en') await page.click('[data-testid=lang-en]')
    await mapReady(page)
    expect(await axeViolations(page)).toEqual([])

    await page.click('[data-testid=mark-place]')
    await page.waitForSelector('[data-testid=confirm-location]')
    expect(await axeViolations(page)).toEqual([])

    await page.click('[data-testid=confirm-location]')
    await page.waitForSelector('[data-testid=pin-form]')
    expect(await axeViolations(page)).toEqual([])
    await page.click('[data-testid=submit-pin]')
    await page.waitForSelector('[aria-invalid=true]')
    expect(await axeViolations(page)).toEqual([])

    await fillPinForm(page, { category: 'lighting', severity: 3, times: ['night'] })
    await page.click('[data-testid=submit-pin]')
    await page.waitForSelector('[data-testid=report-done]')
    expect(await axeViolations(page)).toEqual([])

    await page.click('[data-testid=close-report]')
    await page.click('[data-testid=view-list]')
    await page.waitForSelector('[data-testid=pin-list-count]')
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })

  it.each(['sv', 'en'] as const)('has no violations on the walk page, its errors and its waiting count (%s)', async (lang) => {
    const walk = await planWalk(app, await signIn(app, 'planner'), `Vandring ${lang}`)
    const page = await browser.newPage(PHONE)
    await page.goto(`${app.url}/walk/${walk.code}`)
    if (lang === 'en') await page.click('[data-testid=lang-en]')
    await page.waitForSelector('[data-testid=walk-form]')
    await page.waitForSelector('[data-testid=position-note]')
    expect(await axeViolations(page)).toEqual([])
    await page.click('[data-testid=walk-save]')
    await page.waitForSelector('[aria-invalid=true]')
    expect(await axeViolations(page)).toEqual([])
    await page.check('[data-testid=category-lighting]', { force: true })
    await page.check('[data-testid=severity-3]', { force: true })
    await page.check('[data-testid=time-night]', { force: true })
    await page.fill('[data-testid=walk-participants]', '6')
    await page.click('[data-testid=walk-save]')
    await page.waitForSelector('[data-testid=walk-waiting][data-count="0"]')
    await page.waitForSelector('[data-testid=walk-saved]:not(:empty)')
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })

  it('lists the pins in view as an alternative to the map, and goes back to the map from an item', async () => {
    const page = await browser.newPage(PHONE)
    await page.goto(app.url)
    await mapReady(page)
    await page.click('[data-testid=view-list]')
    expect(await page.getAttribute('[data-testid=view-list]', 'aria-pressed')).toBe('true')
    const count = await page.locator('[data-testid=pin-list-count]').innerText()
    expect(count).toMatch(/^Visar \d+ av \d+ markeringar$/)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pin-list-heading')
    expect(await page.locator('.map-area').isVisible()).toBe(false)
    const items = page.locator('.pin-list__item')
    expect(await items.count()).toBeGreaterThan(0)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'list-phone.png') })
    const more = page.locator('[data-testid=pin-list-more]')
    if (await more.isVisible()) {
      const before = await items.count()
      await more.click()
      await expect.poll(() => items.count()).toBeGreaterThan(before)
    }
    await items.first().getByRole('button').click()
    await page.locator('.map-area').waitFor({ state: 'visible' })
    expect(await page.getAttribute('[data-testid=view-map]', 'aria-pressed')).toBe('true')
    await page.close()
  })

  it('offers an installable web app manifest with its icons', async () => {
    const page = await browser.newPage(PHONE)
    await page.goto(app.url)
    const href = await page.getAttribute('link[rel=manifest]', 'href')
    expect(href).toBe('/manifest.webmanifest')
    const res = await fetch(`${app.url}${href}`)
    expect(res.headers.get('content-type')).toMatch(/^application\/manifest\+json/)
    const manifest = await res.json()
    expect(manifest).toMatchObject({ name: expect.stringContaining('Trygg'), short_name: 'Trygg', start_url: '/', display: 'standalone', lang: 'sv' })
    const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']))
    for (const icon of manifest.icons) {
      const r = await fetch(`${app.url}${icon.src}`)
      expect([icon.src, r.status, r.headers.get('content-type')]).toEqual([icon.src, 200, icon.type])
    }
    // Chromium's own reading of the manifest: no errors, so the app can be installed.
    const cdp = await page.context().newCDPSession(page)
    const parsed = await cdp.send('Page.getAppManifest', {})
    expect(parsed.errors).toEqual([])
    await page.close()
  })

  it('reports a violation when there is one, so a clean result means something', async () => {
    const page = await browser.newPage(PHONE)
    await page.goto(app.url)
    await mapReady(page)
    await page.evaluate(() => {
      const img = document.createElement('img')
      img.src = '/favicon.svg'
      document.querySelector('main')!.append(img)
    })
    expect((await axeViolations(page)).map((v) => v.id)).toContain('image-alt')
    await page.close()
  })
})
