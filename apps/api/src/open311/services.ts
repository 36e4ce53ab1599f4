import type { Open311Service } from '@trygg/domain'
import type { CategoryRow } from '../municipality/municipality.queries.ts'
import type { Language } from './language.ts'

const SENSITIVE_NOTE: Record<Language, string> = {
  sv: ' Markeringar i den här kategorin visas aldrig med exakt plats.',
  en: ' Reports in this category are never shown with their exact position.',
}

export const categoryName = (c: CategoryRow, lang: Language) => (lang === 'sv' ? c.label_sv : c.label_en)

/** A category as a GeoReport service: its key is the service_code; every service has attributes. */
export function toService(c: CategoryRow, lang: Language): Open311Service {
  const name = categoryName(c, lang)
  return {
    service_code: c.key,
    service_name: name,
    description: `${name}.${c.sensitive ? SENSITIVE_NOTE[lang] : ''}`,
    metadata: true,
    type: 'realtime',
    keywords: [...new Set([c.label_sv, c.label_en, c.key])].join(', '),
    group: c.group_key,
  }
}
