import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import type { RunningApp } from './support/app-server.ts'
import { startStack, type Stack } from './support/stack.ts'
import { signInPage, submitSignIn } from './support/staff-page.ts'

const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots')

describe('police traffic workspace in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  let stack: Stack

  beforeAll(async () => {
    stack = await startStack()
    app = stack.app
    browser = stack.browser
  })
  afterAll(() => stack?.stop())

  it('lets a police officer pick the worst area, record a speed check and take a snapshot that lists the area', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await page.goto(`${app.url}/polis`)
    await page.waitForURL(/\/login\?next=%2Fpolis$/)
    await submitSignIn(page, app, 'police')
    await page.waitForURL(/\/polis$/)
    // From here on (the session check before sign-in answers 401 by design) nothing may fail.
    const errors: string[] = []
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text())
    })

    // The traffic map: areas ranked worst first, drawn on the map.
    await page.waitForSelector('[data-testid=area-list]')
    const areas = await page.evaluate(() => fetch('/api/police/areas').then((r) => r.json()))
    const worst = areas.features[0].properties
    expect(worst.rank).toBe(1)
    expect(await page.locator('[data-testid=area-list] tbody tr').count()).toBe(areas.features.length)
    expect(await page.locator('.traffic__map path.leaflet-interactive').count()).toBeGreaterThanOrEqual(areas.features.length)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'police-traffic-map.png') })

    // The worst area: its figures and when-matrix.
    await page.click('[data-testid=area-1]')
    const detail = page.locator('[data-testid=area-detail]')
    await detail.waitFor()
    expect(await detail.locator('h3').innerText()).toBe('Område 1')
    expect(await detail.innerText()).toContain(String(worst.pinCount))
    const matrixTotal = await page.locator('[data-testid=when-matrix] tbody td').evaluateAll((cells) => cells.reduce((n, c) => n + Number(c.textContent), 0))
    expect(matrixTotal).toBeGreaterThanOrEqual(worst.pinCount)

    // Record a speed check at a point in the area.
    await page.click('[data-testid=record-control]')
    await page.waitForSelector('[data-testid=control-form]')
    await page.waitForTimeout(500) // the map has flown to the area
    const box = (await page.locator('.traffic__map .leaflet-container').boundingBox())!
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    expect(await page.locator('[data-testid=place-status]').innerText()).toMatch(/En punkt vald/)
    await page.fill('[data-testid=control-date]', '2026-03-10')
    await page.fill('[data-testid=control-start]', '07:15')
    await page.fill('[data-testid=control-end]', '09:00')
    await page.fill('[data-testid=control-vehicles]', '86')
    await page.fill('[data-testid=control-violations]', '9')
    await page.fill('[data-testid=control-notes]', 'Hastighetskontroll vid skolan')
    await page.screenshot({ path: path.join(SCREENSHOTS, 'police-control-form.png') })
    await page.click('[data-testid=save-control]')
    await page.locator('[data-testid=control-form]').waitFor({ state: 'detached' })
    const controls = page.locator('[data-testid=area-controls] li')
    await controls.first().waitFor()
    expect(await controls.first().innerText()).toMatch(/Hastighetskontroll 2026-03-10 07:15–09:00: 86 fordon, 9 överträdelser/)
    const stored = await page.evaluate(() => fetch('/api/police/controls').then((r) => r.json()))
    expect(stored.controls).toHaveLength(1)
    expect(stored.controls[0]).toMatchObject({ kind: 'speed_check', vehiclesChecked: 86, violations: 9, area: { id: worst.id } })

    // Did it help: the before/after chart of the control.
    await controls.first().getByRole('button', { name: 'Hjälpte det?' }).click()
    await page.locator('[data-testid=effect-totals]').waitFor()
    expect(await page.locator('[data-testid=effect-totals]').innerText()).toMatch(/^Före: \d+ · Efter: \d+/)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'police-area-detail.png') })

    // A snapshot of the situation that lists the area.
    await page.fill('[data-testid=snapshot-name]', 'Lägesbild mars')
    await page.click('[data-testid=create-snapshot]')
    const list = page.locator('[data-testid=snapshot-list]')
    await list.waitFor()
    expect(await list.innerText()).toContain('Lägesbild mars')
    expect(await list.innerText()).toContain(`${areas.features.length} nya`)
    const snapshotAreas = page.locator('[data-testid=snapshot-areas]')
    await snapshotAreas.waitFor()
    expect(await snapshotAreas.locator('tbody tr').first().innerText()).toMatch(new RegExp(`^Område 1\\s+${worst.pinCount}\\s`))
    const snapshots = await page.evaluate(() => fetch('/api/police/snapshots').then((r) => r.json()))
    const snapshot = await page.evaluate((id) => fetch(`/api/police/snapshots/${id}`).then((r) => r.json()), snapshots.snapshots[0].id)
    expect(snapshot.areas[0]).toMatchObject({ id: worst.id, rank: 1, pinCount: worst.pinCount })
    expect(snapshot.controls.map((c: { id: number }) => c.id)).toEqual([stored.controls[0].id])
    await page.locator('[data-testid=snapshots]').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SCREENSHOTS, 'police-snapshots.png'), fullPage: true })

    // Printable: without navigation, tools and forms.
    await page.emulateMedia({ media: 'print' })
    await page.locator('[data-testid=traffic-workspace]').evaluate((el) => el.scrollIntoView())
    expect(await page.locator('.staff-nav').isVisible()).toBe(false)
    expect(await page.locator('[data-testid=create-snapshot]').isVisible()).toBe(false)
    expect(await page.locator('[data-testid=snapshot-areas]').isVisible()).toBe(true)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'police-print.png'), fullPage: true })
    expect(errors).toEqual([])
    await page.close()
  })

  it('lets a planner read the traffic situation and its snapshots, but not record', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await signInPage(page, app, 'planner', '/polis')
    await page.waitForURL(/\/polis$/)
    await page.waitForSelector('[data-testid=area-list]')
    expect(await page.locator('[data-testid=snapshot-list]').innerText()).toContain('Lägesbild mars')
    expect(await page.locator('[data-testid=create-snapshot]').count()).toBe(0)
    await page.click('[data-testid=area-1]')
    await page.locator('[data-testid=area-controls]').waitFor()
    expect(await page.locator('[data-testid=record-control]').count()).toBe(0)
    await page.close()
  })
})
