import { geoJSON } from 'leaflet'
import { useEffect } from 'react'
import { useMap } from 'react-leaflet'

/** Pans and zooms the map to a feature when `feature` changes (e.g. a hotspot chosen in the list). */
export function FitToFeature({ feature }: { feature: GeoJSON.Feature | null }) {
  const map = useMap()

  useEffect(
    function fitToFeature() {
      if (!feature) return
      const bounds = geoJSON(feature).getBounds()
      if (bounds.isValid()) map.fitBounds(bounds, { maxZoom: 17, padding: [40, 40], animate: false })
    },
    [map, feature],
  )

  return null
}
