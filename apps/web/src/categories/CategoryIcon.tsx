import { GROUP_ICON_PATHS, toCategoryGroup } from './category-icons.ts'

/** A category group's glyph, decorative (the label next to it names the category). */
export function CategoryIcon({ group, size = 20 }: { group: string; size?: number }) {
  return (
    <svg className="category-icon" viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      <path fill="currentColor" fillRule="evenodd" d={GROUP_ICON_PATHS[toCategoryGroup(group)]} />
    </svg>
  )
}
