import type { HotspotFeature } from '@trygg/domain'
import { geoJSON, type PathOptions } from 'leaflet'
import { useEffect } from 'react'
import { useMap } from 'react-leaflet'
import { scoreColor } from './hotspot-colors.ts'

export interface HullLayerProps {
  hotspots: readonly HotspotFeature[]
  selectedId: string | null
  onSelect: (id: string) => void
  /** tooltip text of a hotspot */
  label: (hotspot: HotspotFeature) => string
}

/** DBSCAN hotspot hulls filled by score (relative to the highest shown); a click selects one. */
export function HullLayer({ hotspots, selectedId, onSelect, label }: HullLayerProps) {
  const map = useMap()

  useEffect(
    function addHulls() {
      const max = Math.max(0, ...hotspots.map((h) => h.properties.score))
      const style = (h: HotspotFeature): PathOptions => {
        const selected = h.properties.id === selectedId
        return {
          fillColor: scoreColor(h.properties.score, max),
          fillOpacity: 0.6,
          color: selected ? '#0b3d91' : '#7a0019',
          weight: selected ? 4 : 1.5,
        }
      }
      // Lowest scores first, so the strongest hotspots are drawn on top.
      const ordered = [...hotspots].sort((a, b) => a.properties.score - b.properties.score)
      const layer = geoJSON(ordered as unknown as GeoJSON.FeatureCollection['features'], {
        style: (f) => style(f as unknown as HotspotFeature),
        onEachFeature(f, path) {
          const hotspot = f as unknown as HotspotFeature
          path.bindTooltip(label(hotspot), { sticky: true })
          path.on('click', () => onSelect(hotspot.properties.id))
        },
      }).addTo(map)
      return function removeHulls() {
        layer.remove()
      }
    },
    [map, hotspots, selectedId, onSelect, label],
  )

  return null
}
