import type { Lang } from '../i18n/messages.ts'

const LOCALES: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' }

/**
 * A date as residents read it, in the municipality's time zone.
 * @example formatZonedDate('2026-05-14T22:30:00Z', 'sv', 'Europe/Stockholm') // '15 maj 2026'
 */
export function formatZonedDate(iso: string | Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(new Date(iso))
}

/**
 * A date and time in the municipality's time zone, 24-hour clock.
 * @example formatZonedDateTime('2026-05-14T19:40:00Z', 'sv', 'Europe/Stockholm') // '14 maj 2026 kl. 21:40'
 */
export function formatZonedDateTime(iso: string | Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso))
}

/**
 * The last day a campaign runs, from its exclusive end: a walk ending at local midnight
 * runs to the day before.
 * @example lastDay('2026-05-17T22:00:00Z', 'sv', 'Europe/Stockholm') // '17 maj 2026'
 */
export function lastDay(endsAt: string, lang: Lang, timeZone: string): string {
  return formatZonedDate(new Date(Date.parse(endsAt) - 1), lang, timeZone)
}
