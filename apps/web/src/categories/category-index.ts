import type { PublicCategory } from '@trygg/domain'

export type CategoryIndex = ReadonlyMap<string, PublicCategory>

/** The config's categories by key, for quick lookups while rendering markers and popups. */
export function indexCategories(categories: readonly PublicCategory[]): CategoryIndex {
  return new Map(categories.map((c) => [c.key, c]))
}
