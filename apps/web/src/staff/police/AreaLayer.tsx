import type { TrafficArea } from '@trygg/domain'
import { geoJSON } from 'leaflet'
import { useEffect } from 'react'
import { useMap } from 'react-leaflet'
import { scoreColor } from '../hotspots/hotspot-colors.ts'

export interface AreaLayerProps {
  areas: readonly TrafficArea[]
  selectedId: string | null
  onSelect: (id: string) => void
  label: (area: TrafficArea) => string
}

/** Traffic area hulls filled by score (relative to the worst), the worst drawn on top; a click selects one. */
export function AreaLayer({ areas, selectedId, onSelect, label }: AreaLayerProps) {
  const map = useMap()
  useEffect(
    function addAreas() {
      const max = Math.max(0, ...areas.map((a) => a.properties.score))
      const ordered = [...areas].sort((a, b) => a.properties.score - b.properties.score)
      const layer = geoJSON(ordered as unknown as GeoJSON.Feature[], {
        style(f) {
          const area = f as unknown as TrafficArea
          const selected = area.properties.id === selectedId
          return { fillColor: scoreColor(area.properties.score, max), fillOpacity: 0.55, color: selected ? '#0b3d91' : '#7a0019', weight: selected ? 4 : 1.5 }
        },
        onEachFeature(f, path) {
          const area = f as unknown as TrafficArea
          path.bindTooltip(label(area), { sticky: true })
          path.on('click', () => onSelect(area.properties.id))
        },
      }).addTo(map)
      return function removeAreas() {
        layer.remove()
      }
    },
    [map, areas, selectedId, onSelect, label],
  )
  return null
}
