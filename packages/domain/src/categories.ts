/** The group a category belongs to; `traffic` feeds the police view. */
export type CategoryGroup = 'environment' | 'physical' | 'traffic' | 'order' | 'other'

export interface CategoryDefault {
  key: string
  labelSv: string
  labelEn: string
  group: CategoryGroup
  /** Sensitive categories are only shown as aggregated cells of at least k pins. */
  sensitive: boolean
}

/** Default categories every new municipality starts with (it may edit its own copy). */
export const DEFAULT_CATEGORIES: readonly CategoryDefault[] = Object.freeze([
  { key: 'littering', labelSv: 'Nedskräpning', labelEn: 'Littering', group: 'environment', sensitive: false },
  { key: 'vandalism', labelSv: 'Skadegörelse och klotter', labelEn: 'Vandalism and graffiti', group: 'environment', sensitive: false },
  { key: 'lighting', labelSv: 'Dålig belysning', labelEn: 'Poor lighting', group: 'physical', sensitive: false },
  { key: 'vegetation', labelSv: 'Skymd sikt, buskar', labelEn: 'Overgrown vegetation, blocked view', group: 'physical', sensitive: false },
  { key: 'deserted', labelSv: 'Ödslig plats', labelEn: 'Deserted place', group: 'physical', sensitive: false },
  { key: 'speeding', labelSv: 'Fortkörning', labelEn: 'Speeding', group: 'traffic', sensitive: false },
  { key: 'moped', labelSv: 'Buskörning med moped', labelEn: 'Moped joyriding', group: 'traffic', sensitive: false },
  { key: 'dangerous_traffic', labelSv: 'Farlig trafikmiljö', labelEn: 'Dangerous crossing or road', group: 'traffic', sensitive: false },
  { key: 'parking', labelSv: 'Felparkering', labelEn: 'Illegal parking', group: 'traffic', sensitive: false },
  { key: 'drugs', labelSv: 'Narkotika', labelEn: 'Drug dealing or use', group: 'order', sensitive: true },
  { key: 'disorder', labelSv: 'Ordningsstörning, trakasserier', labelEn: 'Disorder, harassment', group: 'order', sensitive: true },
  { key: 'other', labelSv: 'Annat', labelEn: 'Other', group: 'other', sensitive: false },
] satisfies CategoryDefault[])

/** Map colour per group, chosen for at least 3:1 contrast against the light map. */
export const GROUP_COLORS: Readonly<Record<CategoryGroup, string>> = Object.freeze({
  environment: '#2e7d32',
  physical: '#6a1b9a',
  traffic: '#c62828',
  order: '#37474f',
  other: '#1565c0',
})
