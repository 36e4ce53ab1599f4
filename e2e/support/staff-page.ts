import type { Page } from 'playwright-core'
import { demoPassword, type RunningApp } from './app-server.ts'

/**
 * Fills the staff sign-in form the page shows with the demo account of `role` and submits it.
 * `password` defaults to the one the first start printed; tests of a refused sign-in pass another.
 */
export async function submitSignIn(page: Page, app: RunningApp, role: string, password = demoPassword(app.output(), role)): Promise<void> {
  await page.fill('[data-testid=login-email]', `${role}@kavlinge.demo`)
  await page.fill('[data-testid=login-password]', password)
  await page.click('[data-testid=login-submit]')
}

/**
 * Opens the sign-in page, asking to return to `next` where given, and signs in as the demo
 * account of `role`. Waiting for the page that follows is the caller's.
 *
 * @example await signInPage(page, app, 'planner', '/personal/karta')
 */
export async function signInPage(page: Page, app: RunningApp, role: string, next?: string): Promise<void> {
  await page.goto(next ? `${app.url}/login?next=${encodeURIComponent(next)}` : `${app.url}/login`)
  await submitSignIn(page, app, role)
}
