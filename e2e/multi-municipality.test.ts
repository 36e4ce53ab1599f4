import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import type { RunningApp } from './support/app-server.ts'
import { axeViolations } from './support/axe.ts'
import { markByKeyboard, tabTo } from './support/resident-form.ts'
import { startStack, type Stack } from './support/stack.ts'

/** A second municipality east of the Kävlinge demo, sharing no ground with it. */
const GRANNBY = {
  type: 'Feature',
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[13.3, 55.6], [13.45, 55.6], [13.45, 55.7], [13.3, 55.7], [13.3, 55.6]]] },
}

describe('a second municipality at /k/<slug>/ in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  let stack: Stack
  let boundaryFile: string

  beforeAll(async () => {
    boundaryFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-grannby-')), 'grannby.geojson')
    fs.writeFileSync(boundaryFile, JSON.stringify(GRANNBY))
    stack = await startStack({}, { commands: [['seed-demo'], ['create-municipality', '--slug', 'grannby', '--name', 'Grannby', '--boundary', boundaryFile]] })
    app = stack.app
    browser = stack.browser
  })
  afterAll(async () => {
    await stack?.stop()
    if (boundaryFile) fs.rmSync(path.dirname(boundaryFile), { recursive: true, force: true })
  })

  it('shows its own name and boundary, takes a pin by keyboard and follows it on its own site', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    const problems: string[] = []
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
    page.on('pageerror', (e) => problems.push(e.message))
    await page.goto(`${app.url}/k/grannby/`)
    await page.waitForSelector('[data-testid=mark-place]')
    await page.waitForSelector('path.boundary-outline')
    expect(await page.locator('header').textContent()).toContain('Grannby')
    expect(await page.locator('header').textContent()).not.toContain('Kävlinge')
    // The outline drawn is Grannby's: it lies east of the demo, around the map's centre.
    const outline = await page.locator('path.boundary-outline').boundingBox()
    const map = await page.locator('.leaflet-container').boundingBox()
    expect(outline!.x).toBeLessThan(map!.x + map!.width / 2)
    expect(outline!.x + outline!.width).toBeGreaterThan(map!.x + map!.width / 2)
    expect(await page.locator('.leaflet-marker-pane [data-count]').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])

    await markByKeyboard(page, { category: 'lighting', severity: 3, times: ['evening'] })
    await tabTo(page, 'submit-pin')
    await page.keyboard.press('Enter')

    const link = page.locator('[data-testid=follow-link]')
    await link.waitFor({ timeout: 30_000 })
    const href = (await link.getAttribute('href'))!
    expect(href).toMatch(new RegExp(`^${app.url}/k/grannby/f/[A-Za-z0-9_-]{22}$`))
    const token = href.split('/f/')[1]!
    expect((await fetch(`${app.url}/api/follow/${token}`)).status).toBe(404)
    const { pin } = await (await fetch(`${app.url}/k/grannby/api/follow/${token}`)).json()
    expect(pin.lon).toBeGreaterThan(13.3)

    await page.goto(href)
    await page.waitForSelector('[data-testid=follow-status]')
    expect(await page.locator('header').textContent()).toContain('Grannby')
    const toMap = await page.locator('[data-testid=follow-page] a').last().evaluate((a) => (a as HTMLAnchorElement).href)
    expect(new URL(toMap).pathname).toBe('/k/grannby/')

    // Grannby's map now holds that pin; the demo's at / does not show it.
    await page.goto(`${app.url}/k/grannby/`)
    await page.waitForSelector('.leaflet-marker-pane [data-count]')
    expect(await page.locator('.leaflet-marker-pane [data-count]').count()).toBe(1)

    // Its results page: Grannby's campaign, the feed and the way back on Grannby's site.
    await page.goto(`${app.url}/k/grannby/resultat`)
    await page.waitForSelector('[data-testid=results-stats]')
    expect(await page.locator('[data-testid=results-stats] tbody th').allTextContents()).toEqual(['Löpande synpunkter'])
    const feed = await page.locator('link[type="application/atom+xml"]').getAttribute('href')
    expect(feed).toBe('/k/grannby/api/results/feed.atom')
    expect((await fetch(`${app.url}${feed}`)).status).toBe(200)
    expect(problems, 'console errors').toEqual([])
    await page.close()
  })

  it('serves the default municipality at / and a 404 page saying an unknown one does not exist', async () => {
    const page = await browser.newPage()
    await page.goto(app.url)
    await page.waitForSelector('[data-testid=mark-place]')
    expect(await page.locator('header').textContent()).toContain('Kävlinge')

    const response = await page.goto(`${app.url}/k/ingenstans/`)
    expect(response!.status()).toBe(404)
    await page.waitForSelector('[role=alert]')
    expect(await page.locator('[role=alert]').textContent()).toBe('Kommunen /k/ingenstans/ finns inte.')
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })
})
