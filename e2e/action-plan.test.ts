import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import type { RunningApp } from './support/app-server.ts'
import { startStack, type Stack } from './support/stack.ts'
import { signInPage } from './support/staff-page.ts'

const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots')

interface Item {
  id: number
  title: string
  status: string
  pinIds: number[]
  area: { type: string } | null
  areaSource: string | null
  hotspotRef: string | null
}

describe('action plan in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  let stack: Stack

  beforeAll(async () => {
    stack = await startStack()
    app = stack.app
    browser = stack.browser
  })
  afterAll(() => stack?.stop())

  it('takes a planner from a hotspot to a done action item linked to its pins, shown on /resultat', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
    const problems: string[] = []
    page.on('pageerror', (e) => problems.push(`${new URL(page.url()).pathname}: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${new URL(page.url()).pathname}: ${m.text()}`)
    })

    await signInPage(page, app, 'planner', '/personal/karta')
    await page.waitForURL(/\/personal\/karta/)
    // The sign-in page asked for a session before there was one (401); from here on nothing may fail.
    problems.length = 0

    // The hotspot with the highest score: its details offer "Skapa åtgärd".
    const first = page.locator('.hotspot-list__item').first()
    const hotspotId = await first.getAttribute('data-hotspot')
    expect(hotspotId).toMatch(/^dbscan-\d+$/)
    await first.click()
    await page.locator('.hotspot-detail__action').waitFor()
    // Let the map finish zooming to the hotspot before the page changes.
    await page.waitForTimeout(800)
    await page.locator('.hotspot-detail__action').click()
    await page.waitForURL(/\/personal\/atgardsplan$/)
    const form = page.locator('[data-testid=action-form]')
    await form.waitFor()
    expect(await form.innerText()).toMatch(/Från hotspot: området är hotspotens yta och \d+ markeringar kopplas/)

    const title = `Ny belysning och röjning, ${Date.now()}`
    await form.locator('input[name=title]').fill(title)
    await form.locator('textarea[name=expectedEffect]').fill('Fler känner sig trygga på kvällen')
    await form.locator('input[name=owner]').fill('Gatuenheten')
    await form.locator('input[name=startsOn]').fill('2026-03-01')
    await form.locator('input[name=dueOn]').fill('2026-09-30')
    await form.locator('input[name=indicator]').fill('Andel trygga i trygghetsmätningen')
    await form.locator('select[name=status]').selectOption('planned')
    await form.locator('input[name=isPublic]').check()
    await form.locator('textarea[name=publicNote]').fill('Nya lampor och buskar röjda längs gångvägen.')
    await form.locator('button[type=submit]').click()
    await form.waitFor({ state: 'detached' })

    const items = (await page.evaluate(() => fetch('/api/staff/actions').then((r) => r.json()))).items as Item[]
    const item = items.find((i) => i.title === title)!
    expect(item).toMatchObject({ status: 'planned', areaSource: 'hotspot', area: { type: 'MultiPolygon' } })
    expect(item.hotspotRef).toBe(hotspotId)
    expect(item.pinIds.length).toBeGreaterThan(0)
    for (const pinId of item.pinIds.slice(0, 3)) {
      expect((await (await fetch(`${app.url}/api/pins/${pinId}`)).json()).status).toBe('action_planned')
    }

    // A pin of the test's own, linked to the item, so that its follow page can be opened later.
    const config = await (await fetch(`${app.url}/api/config`)).json()
    const created = await fetch(`${app.url}/api/pins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lat: config.municipality.center.lat, lon: config.municipality.center.lon, category: 'lighting', severity: 4, timesOfDay: ['evening'] }),
    })
    expect(created.status).toBe(201)
    const own = (await created.json()) as { id: number; followToken: string }
    const linked = await page.evaluate(
      async ({ id, pinIds }) => {
        const { csrfToken } = await fetch('/api/auth/session').then((r) => r.json())
        const res = await fetch(`/api/staff/actions/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify({ pinIds }) })
        return (await res.json()).pinIds as number[]
      },
      { id: item.id, pinIds: [...item.pinIds, own.id] },
    )
    expect(linked).toContain(own.id)
    await page.reload()

    const row = page.locator(`[data-testid=action-row-${item.id}]`)
    await row.waitFor()
    await page.locator('.action-timeline__bar').first().waitFor()
    await page.waitForTimeout(500)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'action-plan.png'), fullPage: true })

    // Mark it done.
    await row.getByRole('button').click()
    await form.waitFor()
    await form.locator('select[name=status]').selectOption('done')
    await form.locator('button[type=submit]').click()
    await form.waitFor({ state: 'detached' })
    await row.locator('.action-status--done').waitFor()
    for (const pinId of item.pinIds.slice(0, 3)) {
      expect((await (await fetch(`${app.url}/api/pins/${pinId}`)).json()).status).toBe('done')
    }
    const detail = await page.evaluate((id) => fetch(`/api/staff/actions/${id}`).then((r) => r.json()), item.id)
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['action_item.status', 'action_item.update', 'action_item.create'])

    const csv = await page.evaluate(() => fetch('/api/staff/actions/export.csv').then((r) => r.text()))
    expect(csv).toContain(title)

    await page.emulateMedia({ media: 'print' })
    await page.screenshot({ path: path.join(SCREENSHOTS, 'action-plan-print.png'), fullPage: true })
    expect(await page.locator('.staff-nav').isVisible()).toBe(false)
    await page.emulateMedia({ media: 'screen' })

    // Residents see it on /resultat, and in the Atom feed.
    await page.goto(`${app.url}/resultat`)
    const done = page.locator('[data-testid=results-done]')
    await done.getByText(title).waitFor()
    expect(await done.innerText()).toContain('Nya lampor och buskar röjda längs gångvägen.')
    await page.locator('[data-testid=results-stats]').waitFor()
    expect(await page.locator('link[rel=alternate][type="application/atom+xml"]').getAttribute('href')).toBe('/api/results/feed.atom')
    await page.waitForTimeout(500)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'results.png'), fullPage: true })
    const feed = await (await fetch(`${app.url}/api/results/feed.atom`)).text()
    expect(feed).toContain(`<title>${title}</title>`)

    // The resident who marked the linked pin sees the action and its result on the follow page.
    expect((await (await fetch(`${app.url}/api/pins/${own.id}`)).json()).status).toBe('done')
    await page.goto(`${app.url}/f/${own.followToken}`)
    const action = page.locator('[data-testid=follow-action]')
    await action.getByText(title).waitFor()
    expect(await action.innerText()).toContain('Nya lampor och buskar röjda längs gångvägen.')
    expect(await page.locator('[data-testid=follow-status]').innerText()).toBe('Åtgärdad')
    expect(await page.locator('[data-testid=follow-history]').innerText()).toMatch(/Åtgärdad/)
    const followed = await (await fetch(`${app.url}/api/follow/${own.followToken}`)).json()
    expect(followed.actionItem).toMatchObject({ id: item.id, title, status: 'done' })

    // The yearly follow-up lists it, with the indicators the planner enters.
    await page.goto(`${app.url}/personal/uppfoljning`)
    await page.locator('[data-testid=follow-up-done]').getByText(title).waitFor()
    await page.locator('[data-testid=follow-up-hotspots]').waitFor()
    const indicators = page.locator('[data-testid=indicator-form]')
    await indicators.locator('input[name=feelSafeShare]').fill('74,5')
    await indicators.locator('input[name=reportedCrimes]').fill('1130')
    await indicators.locator('button[type=submit]').click()
    await page.locator('[data-testid=follow-up-indicators]').getByText('74.5').waitFor()
    await page.emulateMedia({ media: 'print' })
    await page.waitForTimeout(300)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'follow-up-report.png'), fullPage: true })
    await page.emulateMedia({ media: 'screen' })

    // Statistics beside the indicators.
    await page.goto(`${app.url}/personal/statistik`)
    await page.locator('[data-testid=statistics-years]').waitFor()
    expect(await page.locator('.bar-chart').count()).toBeGreaterThanOrEqual(2)
    await page.getByText('74.5').waitFor()
    await page.screenshot({ path: path.join(SCREENSHOTS, 'statistics.png'), fullPage: true })

    expect(problems).toEqual([])
    await page.close()
  })

  it('lets an admin add a focus area that planners can then pick', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
    await signInPage(page, app, 'admin', '/personal/atgardsplan')
    await page.waitForURL(/\/personal\/atgardsplan$/)
    const editor = page.locator('.action-choices')
    await editor.locator('summary').click()
    const focus = editor.locator('fieldset').first()
    await focus.getByRole('button').click()
    const row = focus.locator('tbody tr').last()
    await row.locator('input').nth(0).fill('youth')
    await row.locator('input').nth(1).fill('Unga och fritid')
    await row.locator('input').nth(2).fill('Young people')
    await editor.locator('button[type=submit]').click()
    await page.getByText('Valen är sparade').waitFor()
    const options = await page.evaluate(() => fetch('/api/staff/actions/options').then((r) => r.json()))
    expect(options.focusAreas.map((f: { key: string }) => f.key)).toEqual(['public_space', 'traffic', 'youth'])
    await page.getByRole('button', { name: 'Ny åtgärd' }).click()
    expect(await page.locator('[data-testid=action-form] select[name=focusArea] option').allInnerTexts()).toContain('Unga och fritid')
    await page.close()
  })
})
