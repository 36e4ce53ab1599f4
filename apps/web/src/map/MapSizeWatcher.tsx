import { useEffect } from 'react'
import { useMap } from 'react-leaflet'

/**
 * Tells Leaflet when its container changes size (the report panel opens or grows),
 * keeping the same centre so the crosshair stays on the same place.
 */
export function MapSizeWatcher() {
  const map = useMap()

  useEffect(
    function watchMapSize() {
      const observer = new ResizeObserver(function resizeMap() {
        map.invalidateSize({ pan: true, debounceMoveend: true })
      })
      observer.observe(map.getContainer())
      return function stopWatchingMapSize() {
        observer.disconnect()
      }
    },
    [map],
  )

  return null
}
