import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { demoPassword, type RunningApp } from './support/app-server.ts'
import { axeViolations } from './support/axe.ts'
import { startStack, type Stack } from './support/stack.ts'
import { signInPage, submitSignIn } from './support/staff-page.ts'

const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots')

describe('staff moderation in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  let stack: Stack

  beforeAll(async () => {
    stack = await startStack()
    app = stack.app
    browser = stack.browser
  })
  afterAll(() => stack?.stop())

  it('does not load the staff workspace on the public map', async () => {
    const page = await browser.newPage()
    const scripts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url())
    })
    await page.goto(app.url)
    await page.waitForSelector('[data-testid=mark-place]')
    expect(scripts.some((u) => /StaffApp/.test(u))).toBe(false)
    await page.close()
  })

  it('lets a moderator sign in and approve a comment, which then shows publicly', async () => {
    const config = await (await fetch(`${app.url}/api/config`)).json()
    const comment = `Trasig gatlampa vid skolan, ${Date.now()}`
    const created = await fetch(`${app.url}/api/pins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lat: config.municipality.center.lat, lon: config.municipality.center.lon, category: 'lighting', severity: 4, timesOfDay: ['evening'], comment }),
    })
    expect(created.status).toBe(201)
    const { id } = await created.json()
    expect((await (await fetch(`${app.url}/api/pins/${id}`)).json()).comment).toBeNull()

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${app.url}/personal`)
    await page.waitForURL(/\/login\?next=%2Fpersonal$/)
    await submitSignIn(page, app, 'moderator', 'fel lösenord')
    expect(await page.locator('[data-testid=login-error]').innerText()).toMatch(/Fel e-postadress eller lösenord/)

    await page.fill('[data-testid=login-password]', demoPassword(app.output(), 'moderator'))
    await page.click('[data-testid=login-submit]')
    await page.waitForURL(/\/personal\/moderering$/)
    expect(await page.locator('[data-testid=signed-in-as]').innerText()).toContain('moderator@kavlinge.demo')
    const cookies = await page.context().cookies()
    expect(cookies.find((c) => c.name === 'trygg_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' })

    const item = page.locator(`[data-testid=moderation-item-${id}]`)
    await item.waitFor()
    expect(await item.locator('blockquote').innerText()).toBe(comment)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'staff-moderation.png') })
    await item.locator('[data-testid=approve]').click()
    await item.waitFor({ state: 'detached' })
    expect(await page.locator('[role=status]').first().innerText()).toMatch(/godkänd/i)

    expect((await (await fetch(`${app.url}/api/pins/${id}`)).json()).comment).toBe(comment)

    await page.click('[data-testid=sign-out]')
    await page.waitForSelector('[data-testid=login-form]')
    expect(await page.locator('.staff-notice').innerText()).toMatch(/utloggad/)
    const after = await page.evaluate(() => fetch('/api/auth/session').then((r) => r.status))
    expect(after).toBe(401)
    await page.close()
  })
  it('lets an admin create a partner account and read its password once', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await signInPage(page, app, 'admin')
    await page.waitForURL(/\/personal\/moderering$/)
    await page.click('[data-testid=nav-accounts]')
    await page.waitForURL(/\/personal\/konton$/)
    await page.waitForSelector('[data-testid=accounts-table]')
    expect(await page.locator('[data-testid=accounts-table] tbody tr').count()).toBe(5)

    await page.fill('[data-testid=new-account-email]', 'fastighet@kavlinge.demo')
    await page.selectOption('[data-testid=new-account-role]', 'partner')
    await page.click('[data-testid=new-account-submit]')
    expect(await page.locator('[data-testid=new-account-organisation]').getAttribute('aria-invalid')).toBe('true')
    await page.fill('[data-testid=new-account-organisation]', 'Kävlingehem')
    await page.click('[data-testid=new-account-submit]')
    const password = await page.locator('[data-testid=generated-password]').innerText()
    expect(password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){4}$/)
    await page.locator('[data-testid="account-fastighet@kavlinge.demo"]').waitFor()
    await page.screenshot({ path: path.join(SCREENSHOTS, 'staff-accounts.png') })

    const login = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url },
      body: JSON.stringify({ email: 'fastighet@kavlinge.demo', password }),
    })
    expect((await login.json()).staff).toMatchObject({ role: 'partner', organisation: 'Kävlingehem' })
    await page.close()
  })

  it('lets an admin hand out an Open311 API key once and revoke it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await signInPage(page, app, 'admin', '/personal/api-nycklar')
    await page.waitForURL(/\/personal\/api-nycklar$/)
    await page.click('[data-testid=new-api-key-submit]')
    expect(await page.locator('[data-testid=new-api-key-name]').getAttribute('aria-invalid')).toBe('true')
    await page.fill('[data-testid=new-api-key-name]', 'Fixa min gata')
    await page.click('[data-testid=new-api-key-submit]')
    const key = await page.locator('[data-testid=generated-api-key]').innerText()
    expect(key).toMatch(/^trygg_[A-Za-z0-9_-]{43}$/)

    const config = await (await fetch(`${app.url}/api/config`)).json()
    const write = () =>
      fetch(`${app.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          api_key: key,
          service_code: 'lighting',
          lat: String(config.municipality.center.lat),
          long: String(config.municipality.center.lon),
          'attribute[severity]': '3',
          'attribute[times_of_day]': 'night',
        }),
      })
    expect((await write()).status).toBe(200)

    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: /Spärra Fixa min gata/ }).click()
    await page.getByText(/^Spärrad /).waitFor()
    expect((await write()).status).toBe(403)
    await page.close()
  })

  it('lets a moderator blur part of a pending photo by mouse and keyboard, preview it and approve it', async () => {
    const config = await (await fetch(`${app.url}/api/config`)).json()
    const created = await fetch(`${app.url}/api/pins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lat: config.municipality.center.lat, lon: config.municipality.center.lon, category: 'lighting', severity: 3, timesOfDay: ['night'] }),
    })
    const pin = (await created.json()) as { id: number; followToken: string }

    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
    const problems: string[] = []
    page.on('pageerror', (e) => problems.push(e.message))
    await page.goto(`${app.url}/login?next=%2Fpersonal%2Fmoderering`)
    // A 300 × 200 black and white checkerboard of 6-pixel squares, uploaded as the resident would.
    const uploaded = await page.evaluate(async ({ id, token }) => {
      const canvas = document.createElement('canvas')
      canvas.width = 300
      canvas.height = 200
      const ctx = canvas.getContext('2d')!
      for (let y = 0; y < 200; y += 6) for (let x = 0; x < 300; x += 6) {
        ctx.fillStyle = (x / 6 + y / 6) % 2 ? '#fff' : '#000'
        ctx.fillRect(x, y, 6, 6)
      }
      const png = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'))
      return (await fetch(`/api/pins/${id}/photo`, { method: 'POST', headers: { 'content-type': 'image/png', 'x-follow-token': token }, body: png })).status
    }, { id: pin.id, token: pin.followToken })
    expect(uploaded).toBe(201)

    await submitSignIn(page, app, 'moderator')
    await page.waitForURL(/\/personal\/moderering$/)
    const item = page.locator(`[data-testid=moderation-item-${pin.id}]`)
    await item.locator('[data-testid=photo-redact]').click()
    const editor = item.locator('[data-testid=photo-redactor]')
    await editor.waitFor()
    await editor.getByText('Bilden är 300 × 200 pixlar.').waitFor()
    expect(await axeViolations(page)).toEqual([])

    // Drag a blur rectangle with the mouse, then set it exactly with the number fields.
    const box = (await editor.locator('[data-testid=redact-canvas]').boundingBox())!
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.4, { steps: 5 })
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.55, { steps: 5 })
    await page.mouse.up()
    await editor.locator('[data-testid=blur-rect-0-x]').waitFor()
    const x = Number(await editor.locator('[data-testid=blur-rect-0-x]').inputValue())
    expect(x).toBeGreaterThanOrEqual(55)
    expect(x).toBeLessThanOrEqual(65)
    expect(Number(await editor.locator('[data-testid=blur-rect-0-width]').inputValue())).toBeGreaterThan(80)
    for (const [side, value] of [['x', '60'], ['y', '40'], ['width', '90'], ['height', '70']] as const) {
      await editor.locator(`[data-testid=blur-rect-0-${side}]`).fill(value)
    }
    // A crop typed in with the keyboard only.
    await editor.locator('[data-testid=crop-toggle]').focus()
    await page.keyboard.press('Space')
    await editor.locator('[data-testid=crop-rect-width]').fill('280')
    await expect.poll(() => editor.locator('[data-testid=redact-preview]').evaluate((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height])).toEqual([280, 200])

    await editor.locator('[data-testid=photo-redact-apply]').click()
    expect(await editor.innerText()).toContain('Skriv skälet.')
    await editor.locator('[data-testid=photo-redact-reason]').fill('Ansikte')
    await page.screenshot({ path: path.join(SCREENSHOTS, 'staff-photo-redaction.png') })
    await editor.locator('[data-testid=photo-redact-apply]').click()
    await item.waitFor({ state: 'detached' })

    // The public photo is cropped, blurred inside the rectangle and sharp outside it.
    const stats = await page.evaluate(async (id) => {
      const img = new Image()
      img.src = `/api/pins/${id}/photo`
      await img.decode()
      const canvas = document.createElement('canvas')
      canvas.width = img.naturalWidth
      canvas.height = img.naturalHeight
      const ctx = canvas.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      const std = (x: number, y: number, w: number, h: number) => {
        const d = ctx.getImageData(x, y, w, h).data
        let sum = 0
        let sq = 0
        for (let i = 0; i < d.length; i += 4) {
          sum += d[i]!
          sq += d[i]! * d[i]!
        }
        const n = d.length / 4
        return Math.sqrt(sq / n - (sum / n) ** 2)
      }
      return { width: img.naturalWidth, height: img.naturalHeight, inside: std(70, 50, 70, 50), outside: std(180, 20, 90, 160) }
    }, pin.id)
    expect(stats).toMatchObject({ width: 280, height: 200 })
    expect(stats.inside).toBeLessThan(15)
    expect(stats.outside).toBeGreaterThan(100)
    expect(problems).toEqual([])
    await page.close()
  })

  it('opens the hotspot map for the police', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`${app.url}/personal/karta`)
    await page.waitForURL(/\/login\?next=%2Fpersonal%2Fkarta$/)
    await submitSignIn(page, app, 'police')
    await page.waitForURL(/\/personal\/karta$/)
    await page.locator('.hotspot-list__item').first().waitFor()
    expect(await page.locator('.hotspot-list__item').count()).toBeGreaterThan(3)
    expect(await page.locator('.leaflet-overlay-pane path').count()).toBeGreaterThan(3)
    await page.locator('.hotspot-list__item').first().click()
    await page.locator('.hotspot-detail').waitFor()
    expect(new URL(page.url()).searchParams.get('hotspot')).toBeTruthy()
    await page.screenshot({ path: path.join(SCREENSHOTS, 'staff-hotspots.png') })
    await page.close()
  })
})
