import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import type { RunningApp } from './support/app-server.ts'
import { axeViolations } from './support/axe.ts'
import { startStack, type Stack } from './support/stack.ts'
import { signInPage } from './support/staff-page.ts'

const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots')

interface Config {
  municipality: { center: { lat: number; lon: number }; boundary: { geometry: { coordinates: number[][][][] } } }
  categories: { key: string; labelSv: string; labelEn: string }[]
}

/** A square of `half` degrees around a point, as a GeoJSON Feature. */
function square(lat: number, lon: number, half: number) {
  const ring = [
    [lon - half, lat - half],
    [lon + half, lat - half],
    [lon + half, lat + half],
    [lon - half, lat + half],
    [lon - half, lat - half],
  ]
  return { type: 'Feature', properties: { name: 'Testgräns' }, geometry: { type: 'Polygon', coordinates: [ring] } }
}

const dayAfter = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

describe('administration in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  let stack: Stack

  beforeAll(async () => {
    stack = await startStack()
    app = stack.app
    browser = stack.browser
  })
  afterAll(() => stack?.stop())

  const config = async (): Promise<Config> => (await fetch(`${app.url}/api/config`)).json() as Promise<Config>
  const postPin = (lat: number, lon: number) =>
    fetch(`${app.url}/api/pins`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lat, lon, category: 'lighting', severity: 3, timesOfDay: ['evening'] }) })

  it('lets an admin create a campaign and a category and replace the boundary', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } })
    const problems: string[] = []
    page.on('pageerror', (e) => problems.push(e.message))
    page.on('dialog', (d) => void d.accept())
    await signInPage(page, app, 'admin', '/personal/administration')
    await page.waitForURL(/\/personal\/administration$/)
    await page.locator('[data-testid=campaigns-table]').waitFor()
    await page.locator('[data-testid=categories-table]').waitFor()
    await page.locator('.admin-boundary-map .leaflet-tile-loaded').first().waitFor()
    expect(await axeViolations(page)).toEqual([])

    // A digital campaign from today for a month.
    const campaign = `Höstvandring digital ${Date.now()}`
    const newCampaign = page.locator('[data-testid=new-campaign-form]')
    await newCampaign.locator('[data-testid=new-campaign-name]').fill(campaign)
    await newCampaign.locator('[data-testid=new-campaign-end]').fill(dayAfter(30))
    await newCampaign.locator('[data-testid=new-campaign-submit]').click()
    const campaignRow = page.locator('[data-testid=campaigns-table] tr', { hasText: campaign })
    await campaignRow.waitFor()
    expect(await campaignRow.innerText()).toMatch(/Digital[\s\S]*Pågår/)

    // Renamed and given another last day in its row, then ended now.
    const renamed = `${campaign} (förlängd)`
    await campaignRow.getByRole('button', { name: `Ändra kampanjen ${campaign}` }).click()
    const edit = page.locator('[data-testid=campaign-edit-form]')
    await edit.getByLabel('Namn').fill(renamed)
    await edit.getByLabel('Sista dag').fill(dayAfter(60))
    await edit.getByLabel('Sista dag').press('Enter')
    const renamedRow = page.locator('[data-testid=campaigns-table] tr', { hasText: renamed })
    await renamedRow.waitFor()
    const campaigns = async () => (await page.evaluate(() => fetch('/api/staff/campaigns').then((r) => r.json()))).campaigns as { name: string; endsAt: string | null }[]
    const extended = (await campaigns()).find((c) => c.name === renamed)!
    expect(Date.parse(extended.endsAt!) - Date.now()).toBeGreaterThan(59 * 86_400_000)
    await renamedRow.getByRole('button', { name: /Avsluta nu/ }).click()
    await page.locator('[data-testid=campaigns-table] tr', { hasText: renamed }).filter({ hasText: 'Avslutad' }).waitFor()
    expect(Date.parse((await campaigns()).find((c) => c.name === renamed)!.endsAt!)).toBeLessThanOrEqual(Date.now())

    // An end before the start is refused in the form, with the field marked.
    await newCampaign.locator('[data-testid=new-campaign-name]').fill('Baklänges')
    await newCampaign.locator('[data-testid=new-campaign-start]').fill(dayAfter(10))
    await newCampaign.locator('[data-testid=new-campaign-end]').fill(dayAfter(5))
    await newCampaign.locator('[data-testid=new-campaign-submit]').click()
    expect(await newCampaign.innerText()).toContain('Sista dagen kan inte komma före den första.')
    expect(await newCampaign.locator('[data-testid=new-campaign-end]').getAttribute('aria-invalid')).toBe('true')

    // A category, submitted with the keyboard; residents get it at once.
    const newCategory = page.locator('[data-testid=new-category-form]')
    await newCategory.locator('[data-testid=new-category-key]').fill('Snö')
    await newCategory.locator('[data-testid=category-labelSv]').fill('Snö och is')
    await newCategory.locator('[data-testid=category-labelEn]').fill('Snow and ice')
    await newCategory.locator('[data-testid=category-labelEn]').press('Enter')
    expect(await newCategory.innerText()).toContain('Nyckeln ska börja med en bokstav')
    await newCategory.locator('[data-testid=new-category-key]').fill('snow_ice')
    await newCategory.locator('[data-testid=category-group]').selectOption('environment')
    await newCategory.locator('[data-testid=category-labelEn]').press('Enter')
    const categoryRow = page.locator('[data-testid=category-snow_ice]')
    await categoryRow.waitFor()
    expect(await categoryRow.innerText()).toMatch(/Snö och is[\s\S]*Snow and ice[\s\S]*Synlig/)
    expect((await config()).categories.map((c) => c.key)).toContain('snow_ice')

    // Hidden, it leaves the residents' list; shown again, it comes back.
    await categoryRow.getByRole('button', { name: /Dölj/ }).click()
    await page.locator('[data-testid=category-snow_ice]', { hasText: 'Dold' }).waitFor()
    expect((await config()).categories.map((c) => c.key)).not.toContain('snow_ice')
    await page.locator('[data-testid=category-snow_ice]').getByRole('button', { name: /Visa/ }).click()
    await page.locator('[data-testid=category-snow_ice]', { hasText: 'Synlig' }).waitFor()
    expect((await config()).categories.find((c) => c.key === 'snow_ice')).toMatchObject({ labelSv: 'Snö och is', labelEn: 'Snow and ice' })

    // Renamed in its row.
    await page.locator('[data-testid=category-snow_ice]').getByRole('button', { name: 'Ändra kategorin Snö och is' }).click()
    const editCategory = page.locator('form[aria-labelledby]', { has: page.getByRole('heading', { name: 'Ändra kategorin Snö och is' }) })
    await editCategory.locator('[data-testid=category-labelSv]').fill('Snö, is och halka')
    await editCategory.locator('[data-testid=category-labelSv]').press('Enter')
    await page.locator('[data-testid=category-snow_ice]', { hasText: 'Snö, is och halka' }).waitFor()
    expect((await config()).categories.find((c) => c.key === 'snow_ice')?.labelSv).toBe('Snö, is och halka')

    // Boundary: a file that is not JSON, then a bow-tie the server refuses, then a small square.
    const { lat, lon } = (await config()).municipality.center
    const file = page.locator('[data-testid=boundary-file]')
    await file.setInputFiles({ name: 'grans.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{ inte json') })
    // The file is read asynchronously; the message follows.
    await page.locator('[data-testid=boundary-error]').getByText('grans.geojson är inte en JSON-fil.').waitFor()
    const bowTie = { type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.01, lat + 0.01], [lon + 0.01, lat], [lon, lat + 0.01], [lon, lat]]] }
    await file.setInputFiles({ name: 'rosett.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(bowTie)) })
    await page.locator('[data-testid=boundary-save]').click()
    await page.locator('[data-testid=boundary-error] .form-error').waitFor()
    expect(await page.locator('[data-testid=boundary-error]').innerText()).toMatch(/Gränsen är inte en giltig polygon: Self-intersection/)

    const outside = { lat: lat + 0.03, lon }
    expect((await postPin(outside.lat, outside.lon)).status).toBe(201)
    await file.setInputFiles({ name: 'ny-grans.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [square(lat, lon, 0.02)] })) })
    expect(await page.locator('[data-testid=boundary-preview]').innerText()).toContain('1 polygon')
    expect(await page.locator('.admin-boundary-map path.leaflet-interactive, .admin-boundary-map path').count()).toBeGreaterThanOrEqual(2)
    await page.waitForTimeout(300)
    await page.locator('#kommungrans').screenshot({ path: path.join(SCREENSHOTS, 'staff-administration-boundary.png') })
    await page.evaluate(() => {
      for (const el of [document.scrollingElement, ...document.querySelectorAll('.staff, .staff-main')]) if (el) el.scrollTop = 0
    })
    await page.waitForTimeout(200)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'staff-administration.png') })
    await page.locator('[data-testid=boundary-save]').click()
    await page.locator('[data-testid=boundary-saved]').waitFor()
    expect(await page.locator('[data-testid=boundary-saved]').innerText()).toMatch(/Gränsen är sparad: .* km², 1 del\. [1-9]\d* befintliga markeringar ligger utanför/)

    // The new boundary takes effect: a point outside it is refused, one inside accepted.
    const refused = await postPin(outside.lat, outside.lon)
    expect(refused.status).toBe(422)
    expect((await refused.json()).code).toBe('PIN_OUTSIDE_BOUNDARY')
    expect((await postPin(lat + 0.005, lon)).status).toBe(201)
    const ring = (await config()).municipality.boundary.geometry.coordinates[0]![0]!
    expect(Math.max(...ring.map((p) => p[1]!))).toBeCloseTo(lat + 0.02, 6)

    // The page in English.
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Campaigns' }).waitFor()
    await page.getByRole('heading', { name: 'Municipal boundary' }).waitFor()
    expect(await page.locator('[data-testid=category-snow_ice]').innerText()).toMatch(/Litter and damage[\s\S]*Shown/)

    expect(problems).toEqual([])
    await page.close()
  })

  it('gives a planner no administration section', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await signInPage(page, app, 'planner', '/personal/administration')
    await page.waitForURL((url) => url.pathname.startsWith('/personal/') && url.pathname !== '/personal/administration')
    await page.locator('[data-testid=nav-actions]').waitFor()
    expect(await page.locator('[data-testid=nav-administration]').count()).toBe(0)
    expect(await page.locator('[data-testid=campaigns-table]').count()).toBe(0)
    const status = await page.evaluate(() => fetch('/api/staff/categories').then((r) => r.status))
    expect(status).toBe(403)
    await page.close()
  })
})
