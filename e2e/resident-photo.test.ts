import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { jpegHeaderSegments, jpegWithGps, metadataBlocks } from '../apps/api/test/photo-fixtures.ts'
import type { RunningApp } from './support/app-server.ts'
import { fillPinForm } from './support/resident-form.ts'
import { startStack, type Stack } from './support/stack.ts'
import { signInPage } from './support/staff-page.ts'

const SCREENSHOTS = path.resolve(import.meta.dirname, '../docs/screenshots')

function storedPhotos(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}

describe('a photo with a pin, in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  let stack: Stack
  let photoDir: string
  let work: string

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-e2e-photo-'))
    photoDir = path.join(work, 'photos')
    stack = await startStack({ TRYGG_PHOTO_DIR: photoDir })
    app = stack.app
    browser = stack.browser
  })
  afterAll(async () => {
    await stack?.stop()
    if (work) fs.rmSync(work, { recursive: true, force: true })
  })

  it('uploads a photo carrying EXIF GPS with a progress bar, and stores it without any metadata', async () => {
    const original = path.join(work, 'gatlampa.jpg')
    fs.writeFileSync(original, await jpegWithGps(1600, 1200))
    expect(await metadataBlocks(fs.readFileSync(original))).toMatchObject({ exif: true, xmp: true })

    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    await page.goto(app.url)
    await page.click('[data-testid=mark-place]')
    await page.click('[data-testid=confirm-location]')
    await page.waitForSelector('[data-testid=pin-form]')
    await fillPinForm(page, { category: 'lighting', severity: 4, times: ['evening'] })
    await page.setInputFiles('[data-testid=photo-input]', original)
    await page.locator('.photo-field__preview').waitFor()
    await page.locator('[data-testid=photo-input]').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SCREENSHOTS, 'photo-1-chosen.png') })

    // A slow uplink, so the progress bar can be watched.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 150 * 1024 })
    await page.click('[data-testid=submit-pin]')
    const progress = page.locator('[data-testid=photo-progress]')
    await progress.waitFor()
    await progress.scrollIntoViewIfNeeded()
    const seen = new Set<number>()
    while (await progress.isVisible().catch(() => false)) {
      const value = await progress.getAttribute('value').catch(() => null)
      if (value !== null) seen.add(Number(value))
      if (seen.size === 2) await page.screenshot({ path: path.join(SCREENSHOTS, 'photo-2-uploading.png') })
      await page.waitForTimeout(50)
    }
    expect([...seen].some((v) => v > 0 && v < 100)).toBe(true)

    await page.locator('[data-testid=photo-uploaded]').waitFor()
    expect(await page.locator('[data-testid=photo-uploaded]').innerText()).toMatch(/granskat/)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'photo-3-done.png') })

    const files = storedPhotos(photoDir)
    expect(files).toHaveLength(1)
    const stored = fs.readFileSync(files[0]!)
    expect(await metadataBlocks(stored)).toEqual({ exif: false, xmp: false, iptc: false, icc: false, comments: [] })
    // No APP1 (EXIF, XMP), APP2 (ICC), APP13 (IPTC) or comment segment; JFIF (APP0) is allowed.
    expect(jpegHeaderSegments(stored).filter((m) => (m.startsWith('APP') && m !== 'APP0') || m === 'COM')).toEqual([])
    expect(jpegHeaderSegments(fs.readFileSync(original))).toContain('APP1')
    expect(stored.includes('Anna Andersson')).toBe(false)
    await page.close()
  })

  it('shows the photo to a moderator, and publicly once approved', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await signInPage(page, app, 'moderator')
    await page.waitForURL(/\/personal\/moderering$/)
    const photo = page.locator('[data-testid=moderation-photo]').first()
    await photo.waitFor()
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1600)
    const item = page.locator('article', { has: photo })
    const pinId = Number((await item.getAttribute('data-testid'))!.replace('moderation-item-', ''))
    expect((await fetch(`${app.url}/api/pins/${pinId}/photo`)).status).toBe(404)
    expect(await item.locator('[data-testid=redact]').count()).toBe(0)
    await item.scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SCREENSHOTS, 'staff-moderation-photo.png') })
    await item.locator('[data-testid=approve]').click()
    await item.waitFor({ state: 'detached' })
    const published = await fetch(`${app.url}/api/pins/${pinId}/photo`)
    expect([published.status, published.headers.get('content-type')]).toEqual([200, 'image/jpeg'])
    expect((await (await fetch(`${app.url}/api/pins/${pinId}`)).json()).photoUrl).toBe(`/api/pins/${pinId}/photo`)
    await page.close()
  })
})
