import { geoJSON } from 'leaflet'
import { useEffect } from 'react'
import { useMap } from 'react-leaflet'

/** The uploaded boundary as an orange area; the map zooms to it. */
export function BoundaryPreviewLayer({ preview }: { preview: GeoJSON.Feature<GeoJSON.MultiPolygon> }) {
  const map = useMap()

  useEffect(
    function addBoundaryPreview() {
      const layer = geoJSON(preview, { style: { color: '#b34700', weight: 2, fillColor: '#f08a24', fillOpacity: 0.3 }, interactive: false }).addTo(map)
      const bounds = layer.getBounds()
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], animate: false })
      return function removeBoundaryPreview() {
        layer.remove()
      }
    },
    [map, preview],
  )

  return null
}
