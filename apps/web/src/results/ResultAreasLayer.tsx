import type { PublicActionItem } from '@trygg/domain'
import { geoJSON } from 'leaflet'
import { useEffect } from 'react'
import { useMap } from 'react-leaflet'

const COLORS: Record<PublicActionItem['status'], string> = { planned: '#1f5fa8', in_progress: '#b35900', done: '#1d7a36' }

/** The public items' areas in their status colour; the map fits them once they arrive. */
export function ResultAreasLayer({ items, label }: { items: readonly PublicActionItem[]; label: (item: PublicActionItem) => string }) {
  const map = useMap()
  useEffect(
    function addAreas() {
      const byId = new Map(items.map((i) => [i.id, i]))
      const features = items.filter((i) => i.area).map((i) => ({ type: 'Feature' as const, geometry: i.area as GeoJSON.MultiPolygon, properties: { id: i.id } }))
      const layer = geoJSON(features, {
        style: (f) => {
          const color = COLORS[byId.get(f?.properties.id)?.status ?? 'planned']
          return { color, fillColor: color, fillOpacity: 0.35, weight: 2 }
        },
        onEachFeature(f, path) {
          const item = byId.get(f.properties.id)
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
