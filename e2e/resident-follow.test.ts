import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { RunningApp } from './support/app-server.ts'
import { chooseCategory, fillPinForm } from './support/resident-form.ts'
import { signIn, staffFetch } from './support/staff-api.ts'
import { startStack, type Stack } from './support/stack.ts'

const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots')
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 }

/** Marks the place under the crosshair as poor lighting through the form; returns the follow token. */
async function markCentre(page: Page): Promise<string> {
  await page.click('[data-testid=mark-place]')
  await page.click('[data-testid=confirm-location]')
  await page.waitForSelector('[data-testid=pin-form]')
  await fillPinForm(page, { category: 'lighting', severity: 4, times: ['night'] })
  await page.click('[data-testid=submit-pin]')
  const href = await page.locator('[data-testid=follow-link]').getAttribute('href', { timeout: 30_000 })
  return /\/f\/([A-Za-z0-9_-]{22})$/.exec(href ?? '')![1]!
}

describe('agreeing and following in Chromium, with proof-of-work on', () => {
  let app: RunningApp
  let browser: Browser
  let stack: Stack

  beforeAll(async () => {
    // Anti-bot on, as in production: every write below solves a real challenge in the browser.
    stack = await startStack({ TRYGG_ANTIBOT: 'on', TRYGG_RATE_LIMIT_PER_MIN: '50' })
    app = stack.app
    browser = stack.browser
  })
  afterAll(() => stack?.stop())

  it('offers a nearby pin of the same category and counts the agreement once per device', async () => {
    const page = await browser.newPage(PHONE)
    await page.goto(app.url)
    await page.waitForSelector('[data-testid=campaign-banner]')
    expect(await page.locator('[data-testid=campaign-banner]').innerText()).toMatch(/Löpande synpunkter/)
    const token = await markCentre(page)
    const { pin } = await (await fetch(`${app.url}/api/follow/${token}`)).json()
    await page.click('[data-testid=close-report]')

    // A second resident at the same place, in a browser of their own.
    const other = await browser.newPage(PHONE)
    const problems: string[] = []
    other.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
    other.on('pageerror', (e) => problems.push(e.message))
    await other.goto(app.url)
    await other.click('[data-testid=mark-place]')
    await other.click('[data-testid=confirm-location]')
    await other.waitForSelector('[data-testid=pin-form]')
    await chooseCategory(other, 'lighting')
    const offered = other.locator(`[data-testid=nearby-pin-${pin.id}]`)
    await offered.waitFor()
    expect(await other.locator('[data-testid=nearby-pins] h3').innerText()).toBe('Någon har redan markerat här – håller du med?')
    expect(await offered.locator('[data-testid=nearby-count]').innerText()).toBe('0 personer håller med')
    await offered.locator('[data-testid=agree]').click()
    await offered.locator('[data-testid=agreed]').waitFor({ timeout: 30_000 })
    expect(await offered.locator('[data-testid=nearby-count]').innerText()).toBe('1 person håller med')
    await other.screenshot({ path: path.join(SCREENSHOTS, 'agree-nearby.png') })
    expect(problems, 'console errors, CSP violations included').toEqual([])

    // The same device again: nothing more is counted.
    await other.reload()
    await other.click('[data-testid=mark-place]')
    await other.click('[data-testid=confirm-location]')
    await chooseCategory(other, 'lighting')
    await offered.locator('[data-testid=agree]').click()
    await offered.locator('[data-testid=agreed]').waitFor({ timeout: 30_000 })
    expect(await offered.locator('[data-testid=agreed]').innerText()).toMatch(/redan/)
    expect((await (await fetch(`${app.url}/api/pins/${pin.id}`)).json()).agreementCount).toBe(1)

    // Without a solved challenge the API refuses the write.
    const bare = await fetch(`${app.url}/api/pins/${pin.id}/agree`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(bare.status).toBe(403)
    await page.close()
    await other.close()
  })

  it("shows the follow page with each status a planner sets, in Swedish time, and lets the author delete the mark", async () => {
    const page = await browser.newPage(PHONE)
    await page.goto(app.url)
    const token = await markCentre(page)
    await page.goto(`${app.url}/f/${token}`)
    await page.locator('[data-testid=follow-history] li').first().waitFor()
    expect(await page.locator('[data-testid=follow-status]').innerText()).toBe('Mottagen')
    expect(await page.locator('[data-testid=follow-history] li').count()).toBe(1)

    const planner = await signIn(app, 'planner')
    const { pin } = await (await fetch(`${app.url}/api/follow/${token}`)).json()
    const setStatus = (body: object) => staffFetch(app, planner, `/api/staff/pins/${pin.id}/status`, { method: 'POST', body })
    expect((await setStatus({ status: 'reviewed' })).status).toBe(200)
    expect((await setStatus({ status: 'not_done', reason: 'Belysningen ägs av Trafikverket; ärendet är skickat dit.' })).status).toBe(200)

    await page.reload()
    await page.locator('[data-testid=follow-history] li').nth(2).waitFor()
    expect(await page.locator('[data-testid=follow-status]').innerText()).toBe('Ingen åtgärd')
    const items = await page.locator('[data-testid=follow-history] li').allInnerTexts()
    expect(items[0]).toMatch(/^Mottagen/)
    expect(items[1]).toMatch(/^Granskad av kommunen/)
    expect(items[2]).toMatch(/^Ingen åtgärd[\s\S]*Skäl: Belysningen ägs av Trafikverket/)
    // Swedish dates and 24-hour times in Europe/Stockholm, e.g. "29 november 2026 kl. 11:52".
    const expected = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' }).format(new Date())
    expect(items[2]).toContain(expected)
    expect(items[2]).toMatch(/kl\. \d{2}:\d{2}/)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'follow-phone.png'), fullPage: true })

    await page.click('[data-testid=delete-pin]')
    await page.click('[data-testid=confirm-delete]')
    await page.locator('[data-testid=follow-deleted]').waitFor()
    expect((await fetch(`${app.url}/api/follow/${token}`)).status).toBe(404)
    expect((await fetch(`${app.url}/api/pins/${pin.id}`)).status).toBe(404)
    await page.close()
  })
})
