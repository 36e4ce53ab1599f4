import { useI18n } from '../i18n/language.tsx'
import { RESIDENT_MESSAGES, type ResidentMessages } from '../i18n/resident-messages.ts'

/** The resident features' strings in the current language. */
export function useResidentMessages(): ResidentMessages {
  return RESIDENT_MESSAGES[useI18n().lang]
}
