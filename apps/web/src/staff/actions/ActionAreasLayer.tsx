import type { ActionItem } from '@trygg/domain'
import { geoJSON } from 'leaflet'
import { useEffect } from 'react'
import { useMap } from 'react-leaflet'
import { STATUS_COLORS } from './status-colors.ts'

/** The items' areas, outlined in their status colour; the map fits them the first time. */
export function ActionAreasLayer({ items, label }: { items: readonly ActionItem[]; label: (item: ActionItem) => string }) {
  const map = useMap()

  useEffect(
    function addAreas() {
      const features = items
        .filter((i) => i.area)
        .map((i) => ({ type: 'Feature' as const, geometry: i.area as GeoJSON.MultiPolygon, properties: { id: i.id } }))
      const layer = geoJSON(features, {
        style: (f) => {
          const item = items.find((i) => i.id === f?.properties.id)
          const color = STATUS_COLORS[item?.status ?? 'proposed']
          return { color, fillColor: color, fillOpacity: 0.3, weight: 2 }
        },
        onEachFeature(f, path) {
          const item = items.find((i) => i.id === f.properties.id)
          if (item) path.bindTooltip(label(item), { sticky: true })
        },
      }).addTo(map)
      const bounds = layer.getBounds()
      if (bounds.isValid()) map.fitBounds(bounds, { maxZoom: 16, padding: [30, 30], animate: false })
      return function removeAreas() {
        layer.remove()
      }
    },
    [map, items, label],
  )
  return null
}
