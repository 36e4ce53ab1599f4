import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { RunningApp } from './support/app-server.ts'
import { axeViolations } from './support/axe.ts'
import { startStack, type Stack } from './support/stack.ts'
import { signInPage } from './support/staff-page.ts'

const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots')
const ROWS = 10_000
const CATEGORIES = ['Dålig belysning', 'speeding', 'Littering', 'moped']

/** The category cell of row k: one row in 250 uses a name the planner maps by hand. */
const categoryOf = (k: number) => (k % 250 === 3 ? 'Gatubelysning' : CATEGORIES[k % 4]!)

/** Row k of the file (1-based); five rows are bad on purpose, each for its own reason. */
function row(k: number): string[] {
  const lat = (55.786 + 0.00001 * (k % 1000)).toFixed(6)
  const lon = (13.1 + 0.00002 * Math.floor(k / 1000)).toFixed(6)
  const date = `2024-09-${String(1 + (k % 28)).padStart(2, '0')}`
  const cells = [`N-${k}`, lat, lon, categoryOf(k), date, String(1 + (k % 5))]
  if (k === 17) cells[1] = 'norr'
  if (k === 2500) [cells[1], cells[2]] = ['55.2', '14.0']
  if (k === 5000) cells[3] = 'Ufo'
  if (k === 7777) cells[4] = '2024-13-01'
  if (k === 9999) cells[5] = '9'
  return cells
}

const BAD = { 17: 'Felaktiga koordinater', 2500: 'Utanför kommunen', 5000: 'Okänd kategori', 7777: 'Felaktigt datum', 9999: 'Felaktig allvarlighet' }

/** Imported rows the export filter `category=speeding&from=2024-09-10&to=2024-09-12` selects. */
const EXPECTED_SPEEDING = Array.from({ length: ROWS }, (_, i) => i + 1).filter((k) => !(k in BAD) && categoryOf(k) === 'speeding' && 1 + (k % 28) >= 10 && 1 + (k % 28) <= 12).length

const csv = ['Löpnummer,Lat,Lon,Kategori,Datum,Otrygghet 1-5', ...Array.from({ length: ROWS }, (_, i) => row(i + 1).join(','))].join('\n')

describe('staff import and export in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  let stack: Stack

  beforeAll(async () => {
    stack = await startStack()
    app = stack.app
    browser = stack.browser
  })
  afterAll(() => stack?.stop())

  /** Chooses the file, maps the one column the page cannot guess, starts, and samples the progress bar until the report shows. */
  async function importFile(page: Page): Promise<number[]> {
    await page.locator('[data-testid=import-file]').setInputFiles({ name: 'vandring-2024.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await page.locator('[data-testid=import-map-severity]').waitFor()
    expect(await page.locator('[data-testid=import-map-lat]').inputValue()).toBe('Lat')
    expect(await page.locator('[data-testid=import-map-externalId]').inputValue()).toBe('Löpnummer')
    await page.locator('[data-testid=import-map-severity]').selectOption('Otrygghet 1-5')
    // Category values that name no category: the planner maps one and leaves the other to be rejected.
    await page.locator('[data-testid=import-category-values]').waitFor()
    const values = page.locator('[data-testid=import-category-value]')
    expect(await values.evaluateAll((els) => els.map((e) => e.getAttribute('data-value')))).toEqual(['Gatubelysning', 'Ufo'])
    await page.locator('[data-testid=import-category-value][data-value=Gatubelysning]').selectOption('lighting')
    await page.locator('[data-testid=import-start]').click()
    const seen: number[] = []
    const report = page.locator('[data-testid=import-report]')
    while (!(await report.isVisible())) {
      const value = await page.locator('[data-testid=import-progress]').getAttribute('value').catch(() => null)
      if (value !== null && seen.at(-1) !== Number(value)) seen.push(Number(value))
      await page.waitForTimeout(40)
    }
    seen.push(Number(await page.locator('[data-testid=import-progress]').getAttribute('value')))
    return seen
  }

  it('imports 10,000 rows with progress and a report, adds nothing the second time, and exports what the map filters show', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
    const problems: string[] = []
    page.on('pageerror', (e) => problems.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text())
    })
    await signInPage(page, app, 'planner', '/personal/import')
    await page.waitForURL(/\/personal\/import$/)
    problems.length = 0

    const progress = await importFile(page)
    expect(progress.some((v) => v > 0 && v < ROWS)).toBe(true)
    expect(progress.at(-1)).toBe(ROWS)
    expect(await page.locator('[data-testid=import-progress-text]').innerText()).toBe('10000 av 10000 rader (100 %)')
    expect(await page.locator('[data-testid=import-summary]').innerText()).toBe('9995 nya markeringar, 0 redan importerade, 5 rader avvisade.')
    const listed = await page.locator('[data-testid=import-rejected] tbody tr').allInnerTexts()
    expect(listed.map((t) => t.split('\t')[0])).toEqual(Object.keys(BAD))
    for (const [k, reason] of Object.entries(BAD)) expect(listed.find((t) => t.startsWith(`${k}\t`))).toContain(reason)
    await page.locator('[data-testid=import-report]').screenshot({ path: path.join(SCREENSHOTS, 'staff-import-report.png') })
    // The page with its mapping, progress and report meets WCAG 2.1 AA.
    expect(await axeViolations(page)).toEqual([])

    // The same file again: every good row is recognised by its Löpnummer.
    const again = await importFile(page)
    expect(again.at(-1)).toBe(ROWS)
    expect(await page.locator('[data-testid=import-summary]').innerText()).toBe('0 nya markeringar, 9995 redan importerade, 5 rader avvisade.')

    // The hotspot map with a filter in its URL offers the export of just those pins.
    await page.goto(`${app.url}/personal/karta?category=speeding&from=2024-09-10&to=2024-09-12`)
    const link = page.getByRole('link', { name: 'Exportera CSV' })
    await link.waitFor()
    const href = (await link.getAttribute('href'))!
    expect(href).toBe('/api/staff/pins/export?format=csv&category=speeding&from=2024-09-10&to=2024-09-12')
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    expect(download.suggestedFilename()).toMatch(/^trygghetsmarkeringar-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = await new Promise<string>((resolve, reject) => {
      download.createReadStream().then((stream) => {
        let body = ''
        stream.setEncoding('utf8')
        stream.on('data', (d: string) => (body += d))
        stream.on('end', () => resolve(body))
        stream.on('error', reject)
      }, reject)
    })
    const [header, ...lines] = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
    expect(header).toBe('id,created_at,campaign_id,campaign,category,category_sv,category_en,severity,times_of_day,agreements,status,source,comment,lat,lon')
    const cols = header!.split(',')
    const records = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])))
    expect(records.every((r) => r.category === 'speeding')).toBe(true)
    expect(records.every((r) => r.created_at! >= '2024-09-09T22:00:00.000Z' && r.created_at! < '2024-09-12T22:00:00.000Z')).toBe(true)
    expect(records.filter((r) => r.source === 'import')).toHaveLength(EXPECTED_SPEEDING)
    const heat = await page.evaluate(() => fetch('/api/staff/hotspots/heat?category=speeding&from=2024-09-10&to=2024-09-12').then((r) => r.json()))
    expect(records).toHaveLength(heat.pinCount)
    expect(problems).toEqual([])
    await page.close()
  }, 600_000)
})
