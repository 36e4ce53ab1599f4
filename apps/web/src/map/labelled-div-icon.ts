import { divIcon, type DivIcon, type DivIconOptions } from 'leaflet'

/**
 * A `DivIcon` whose element carries `aria-label`, so a marker (a `role="button"` element
 * when keyboard-enabled) is announced by what it means rather than by its visible text.
 * Pass `html` as an element, not a string, to keep inline styles CSP-safe (set through CSSOM).
 */
export function labelledDivIcon(options: DivIconOptions & { label: string }): DivIcon {
  const { label, ...iconOptions } = options
  const icon = divIcon(iconOptions)
  const createIcon = icon.createIcon.bind(icon)
  icon.createIcon = function createLabelledIcon(oldIcon) {
    const element = createIcon(oldIcon)
    element.setAttribute('aria-label', label)
    return element
  }
  return icon
}
