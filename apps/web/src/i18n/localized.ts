import { TIME_OF_DAY_LABELS } from '@trygg/domain/constants'
import type { PublicCategory, TimeOfDay } from '@trygg/domain'
import type { Lang } from './messages.ts'

/** The category's label in `lang`. */
export function categoryLabel(category: Pick<PublicCategory, 'labelSv' | 'labelEn'>, lang: Lang): string {
  return lang === 'sv' ? category.labelSv : category.labelEn
}

/** The label of a time of day in `lang`, e.g. `timeOfDayLabel('evening', 'sv') // 'Kväll'`. */
export function timeOfDayLabel(time: TimeOfDay, lang: Lang): string {
  return TIME_OF_DAY_LABELS[time][lang]
}
