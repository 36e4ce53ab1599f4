import type { ActionChoice } from '@trygg/domain'

/** The label of a configured choice in the language shown; the key when it is not configured. */
export function localized(choices: readonly ActionChoice[], key: string, lang: 'sv' | 'en'): string {
  const c = choices.find((x) => x.key === key)
  return c ? (lang === 'sv' ? c.labelSv : c.labelEn) : key
}
