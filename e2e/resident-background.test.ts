import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { axeViolations } from './support/axe.ts'
import type { RunningApp } from './support/app-server.ts'
import { signIn, staffFetch, type StaffCaller } from './support/staff-api.ts'
import { fillPinForm } from './support/resident-form.ts'
import { startStack, type Stack } from './support/stack.ts'

const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots')

describe('optional background questions in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  let stack: Stack
  let staff: StaffCaller

  beforeAll(async () => {
    stack = await startStack({ TRYGG_GEOCODER_URL: 'off' })
    app = stack.app
    browser = stack.browser
    staff = await signIn(app, 'admin')
  })
  afterAll(() => stack?.stop())

  it('asks age band and gender once the municipality turns them on, and counts the answers in statistics of 5 or more', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    await page.goto(app.url)
    await page.click('[data-testid=mark-place]')
    await page.click('[data-testid=confirm-location]')
    await page.waitForSelector('[data-testid=pin-form]')
    expect(await page.locator('[data-testid=age-band]').count()).toBe(0)
    await page.close()

    expect((await staffFetch(app, staff, '/api/staff/settings/background-questions', { method: 'PUT', body: { enabled: true } })).status).toBe(200)

    for (let i = 0; i < 5; i++) {
      const p = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
      await p.goto(app.url)
      await p.click('[data-testid=mark-place]')
      await p.click('[data-testid=confirm-location]')
      await p.waitForSelector('[data-testid=age-band]')
      await fillPinForm(p, { category: 'lighting', severity: 4, times: ['night'] })
      await p.selectOption('[data-testid=age-band]', '65_plus')
      await p.selectOption('[data-testid=gender]', 'woman')
      if (i === 0) {
        expect(await axeViolations(p)).toEqual([])
        await p.locator('[data-testid=gender]').scrollIntoViewIfNeeded()
        await p.screenshot({ path: path.join(SCREENSHOTS, 'background-questions.png') })
      }
      await p.click('[data-testid=submit-pin]')
      await p.waitForSelector('[data-testid=report-done]')
      await p.close()
    }

    const stats = await (await staffFetch(app, staff, '/api/staff/statistics/background?by=ageBand')).json()
    expect(stats.groups.find((g: { group: string }) => g.group === '65_plus')).toMatchObject({ pins: 5, meanSeverity: 4, categories: [{ category: 'lighting', pins: 5 }] })
  })
})
