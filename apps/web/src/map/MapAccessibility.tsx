import { useEffect } from 'react'
import { useMap } from 'react-leaflet'

export interface MapAccessibilityProps {
  /** accessible name of the map, e.g. "Karta över Kävlinge kommun" */
  label: string
  /** id of an element describing how to use the map with a keyboard */
  describedBy: string
}

/** Names the focusable map container (Leaflet makes it focusable and pans it with the arrow keys). */
export function MapAccessibility({ label, describedBy }: MapAccessibilityProps) {
  const map = useMap()

  useEffect(
    function labelMapContainer() {
      const container = map.getContainer()
      container.setAttribute('role', 'region')
      container.setAttribute('aria-label', label)
      container.setAttribute('aria-describedby', describedBy)
      container.dataset.testid = 'map'
      return function unlabelMapContainer() {
        container.removeAttribute('role')
        container.removeAttribute('aria-label')
        container.removeAttribute('aria-describedby')
      }
    },
    [map, label, describedBy],
  )

  return null
}
