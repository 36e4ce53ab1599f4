import type { Page } from 'playwright-core'

/**
 * Filling in the resident's report form as people do: by pointer or by keyboard alone.
 *
 * Choosing a category asks the API for marks of that category nearby; when some exist, a hint
 * appears below the categories and moves the rest of the form down. People tap the next field
 * long after that, but a test acts within milliseconds, so the pointer helpers wait for the
 * answer first.
 */

const NEARBY_PATH = /\/api\/pins\/nearby$/

/** Chooses a category by pointer and waits until the hint about nearby marks has loaded. */
export async function chooseCategory(page: Page, category: string): Promise<void> {
  const nearby = page.waitForResponse((response) => NEARBY_PATH.test(new URL(response.url()).pathname))
  await page.check(`[data-testid=category-${category}]`, { force: true })
  await nearby
}

export interface PinChoices {
  category: string
  severity: number
  times: readonly string[]
}

/** Chooses the category, the severity and the times of day by pointer. */
export async function fillPinForm(page: Page, { category, severity, times }: PinChoices): Promise<void> {
  await chooseCategory(page, category)
  await page.check(`[data-testid=severity-${severity}]`, { force: true })
  for (const time of times) await page.check(`[data-testid=time-${time}]`, { force: true })
}

/** Presses Tab until the element with this test id has focus; fails after `max` presses. */
export async function tabTo(page: Page, testId: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))
    if (focused === testId) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached [data-testid=${testId}]`)
}

/**
 * Moves into a radio group with Tab, then to the wanted radio with the arrow keys (which also
 * selects it), as a keyboard user does.
 */
export async function chooseRadio(page: Page, prefix: string, testId: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const focused = (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) ?? ''
    if (focused.startsWith(prefix)) break
    await page.keyboard.press('Tab')
  }
  for (let i = 0; i < 20; i++) {
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))
    if (focused === testId) {
      if (!(await page.isChecked(`[data-testid=${testId}]`))) await page.keyboard.press('Space')
      return
    }
    await page.keyboard.press('ArrowDown')
  }
  throw new Error(`Arrow keys never reached [data-testid=${testId}]`)
}

/**
 * Marks the place under the crosshair with the keyboard alone: opens the report, confirms the
 * place, chooses the category and severity with the arrow keys and ticks the times of day.
 * Leaves focus in the form, before the comment field. `atPlaceStep` runs while the place step
 * shows, e.g. for a screenshot.
 */
export async function markByKeyboard(page: Page, choices: PinChoices, atPlaceStep?: () => Promise<void>): Promise<void> {
  const { category, severity, times } = choices
  await tabTo(page, 'mark-place')
  await page.keyboard.press('Enter')
  await page.waitForSelector('[data-testid=confirm-location]')
  await atPlaceStep?.()
  await tabTo(page, 'confirm-location')
  await page.keyboard.press('Enter')
  await page.waitForSelector('[data-testid=pin-form]')
  await chooseRadio(page, 'category-', `category-${category}`)
  await chooseRadio(page, 'severity-', `severity-${severity}`)
  for (const time of times) {
    await tabTo(page, `time-${time}`)
    await page.keyboard.press('Space')
  }
}
