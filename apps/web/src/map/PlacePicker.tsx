import type { LatLng } from 'leaflet'
import { useEffect } from 'react'
import { useMap } from 'react-leaflet'

/**
 * While mounted, picks a place: a click or tap on the map picks that point,
 * Enter on the focused map picks its centre (where the crosshair is).
 */
export function PlacePicker({ onPick }: { onPick: (latlng: LatLng) => void }) {
  const map = useMap()

  useEffect(
    function pickOnClickOrEnter() {
      const container = map.getContainer()
      function pickClicked(event: { latlng: LatLng }) {
        onPick(event.latlng)
      }
      function pickCentreOnEnter(event: KeyboardEvent) {
        if (event.key !== 'Enter' || event.target !== container) return
        event.preventDefault()
        onPick(map.getCenter())
      }
      map.on('click', pickClicked)
      container.addEventListener('keydown', pickCentreOnEnter)
      container.classList.add('map--picking')
      return function stopPicking() {
        map.off('click', pickClicked)
        container.removeEventListener('keydown', pickCentreOnEnter)
        container.classList.remove('map--picking')
      }
    },
    [map, onPick],
  )

  return null
}
