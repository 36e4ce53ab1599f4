import type { CategoryGroup } from '@trygg/domain'

/**
 * One 24×24 glyph per category group, as an SVG path drawn with `fill-rule="evenodd"`.
 * Used both by React (`CategoryIcon`) and by map marker HTML (`categoryIconSvg`).
 */
export const GROUP_ICON_PATHS: Readonly<Record<CategoryGroup, string>> = {
  // litter bin
  environment: 'M9 2h6l1 2h4v3H4V4h4l1-2zM5.5 8.5h13L17.3 22H6.7L5.5 8.5zM9 11v8h1.6v-8H9zm4.4 0v8H15v-8h-1.6z',
  // light bulb
  physical: 'M12 2a7 7 0 0 1 4 12.75V17H8v-2.25A7 7 0 0 1 12 2zM8.5 18.5h7V20a2 2 0 0 1-2 2h-3a2 2 0 0 1-2-2v-1.5z',
  // car
  traffic:
    'M6.4 5.5A2 2 0 0 1 8.3 4h7.4a2 2 0 0 1 1.9 1.5L19 10a2 2 0 0 1 2 2v5h-2v2.5h-3.5V17h-7v2.5H5V17H3v-5a2 2 0 0 1 2-2l1.4-4.5zM8.6 6.5 7.6 10h8.8l-1-3.5H8.6zM7 12a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm10 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z',
  // shield with exclamation mark
  order: 'M12 2l8 3v6.2c0 5-3.4 9.4-8 10.8-4.6-1.4-8-5.8-8-10.8V5l8-3zM11 7v7h2V7h-2zm0 9v2h2v-2h-2z',
  // circle with "i"
  other: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zM11 10v8h2v-8h-2zm0-4v2h2V6h-2z',
}

/** The group of a config category (groups are free strings there); unknown ones are `other`. */
export function toCategoryGroup(group: string): CategoryGroup {
  return group in GROUP_ICON_PATHS ? (group as CategoryGroup) : 'other'
}

/** Inline SVG markup of a group's glyph, hidden from assistive technology. */
export function categoryIconSvg(group: string): string {
  return `<svg class="category-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path fill="currentColor" fill-rule="evenodd" d="${GROUP_ICON_PATHS[toCategoryGroup(group)]}"/></svg>`
}
