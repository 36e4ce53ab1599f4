import type { DayType } from '@trygg/domain'
import type { Lang } from './messages.ts'

/** Texts of the optional "Vilka dagar?" question of the resident form. */
export const DAY_TYPE_MESSAGES: Record<Lang, { legend: string; hint: string; options: Record<DayType | 'unsaid', string> }> = {
  sv: {
    legend: 'Vilka dagar? (frivilligt)',
    hint: 'Hjälper polisen att planera kontroller.',
    options: { weekday: 'Vardagar', weekend: 'Helger', both: 'Båda', unsaid: 'Vet inte' },
  },
  en: {
    legend: 'Which days? (optional)',
    hint: 'Helps the police plan checks.',
    options: { weekday: 'Weekdays', weekend: 'Weekends', both: 'Both', unsaid: 'Not sure' },
  },
}
