import { useI18n } from '../i18n/language.tsx'
import { STAFF_MESSAGES, type StaffMessages } from '../i18n/staff-messages.ts'

/** The staff workspace's strings in the current language. */
export function useStaffMessages(): StaffMessages {
  return STAFF_MESSAGES[useI18n().lang]
}
