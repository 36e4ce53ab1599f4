import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { RunningApp } from './support/app-server.ts'
import { markByKeyboard, tabTo } from './support/resident-form.ts'
import { startStack, type Stack } from './support/stack.ts'

const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots')

/** Sum of the counts of every cluster and pin marker on the map. */
const markedInView = (page: Page) =>
  page.$$eval('.leaflet-marker-pane [data-count]', (els) => els.reduce((n, el) => n + Number(el.getAttribute('data-count')), 0))

async function settledClusters(page: Page) {
  await page.waitForSelector('.leaflet-marker-pane [data-count]')
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(300)
}

describe('resident map in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  let stack: Stack

  beforeAll(async () => {
    stack = await startStack()
    app = stack.app
    browser = stack.browser
  })
  afterAll(() => stack?.stop())

  it('shows the demo map of Kävlinge with clusters and tiles from the configured server', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    const problems: string[] = []
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
    page.on('pageerror', (e) => problems.push(e.message))
    await page.goto(app.url)
    await settledClusters(page)
    expect(problems, 'console errors, CSP violations included').toEqual([])
    expect(await page.locator('header').textContent()).toContain('Kävlinge')
    expect(await markedInView(page)).toBeGreaterThan(100)
    await expect.poll(() => stack.tiles.served(), { timeout: 10_000 }).toBeGreaterThan(0)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-phone.png') })
    await page.close()
  })

  it('places a pin with the keyboard alone and sees the cluster count rise', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    await page.goto(app.url)
    await settledClusters(page)
    const before = await markedInView(page)

    await markByKeyboard(page, { category: 'lighting', severity: 4, times: ['evening', 'night'] }, () =>
      page.screenshot({ path: path.join(SCREENSHOTS, 'flow-1-place.png') }).then(() => undefined),
    )
    await tabTo(page, 'comment')
    await page.keyboard.type('Mörkt vid gångtunneln, lampan har varit trasig länge.')
    expect(await page.isChecked('[data-testid=category-lighting]')).toBe(true)
    expect(await page.isChecked('[data-testid=severity-4]')).toBe(true)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'flow-2-form.png') })
    await tabTo(page, 'submit-pin')
    await page.keyboard.press('Enter')

    const link = page.locator('[data-testid=follow-link]')
    await link.waitFor()
    const href = await link.getAttribute('href')
    expect(href).toMatch(new RegExp(`^${app.url}/f/[A-Za-z0-9_-]{22}$`))
    expect(await page.locator('[role=status]').first().innerText()).toMatch(/sparad/i)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'flow-3-done.png') })

    await tabTo(page, 'close-report')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid=mark-place]')
    // The same initial view as before: every pin in it is counted once, so exactly one more.
    await page.reload()
    await settledClusters(page)
    expect(await markedInView(page)).toBe(before + 1)
    await page.close()
  })

  it('stays usable when tiles cannot load', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.route(/\/\d+\/\d+\/\d+\.png$/, (route) => route.abort())
    await page.goto(app.url)
    await settledClusters(page)
    expect(await markedInView(page)).toBeGreaterThan(100)
    await page.click('[data-testid=mark-place]')
    await page.waitForSelector('[data-testid=confirm-location]')
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-desktop-no-tiles.png') })
    await page.close()
  })

  it('switches to English', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await page.goto(app.url)
    await page.click('[data-testid=lang-en]')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.locator('[data-testid=mark-place]').innerText()).toMatch(/mark a place/i)
    await page.close()
  })
})
