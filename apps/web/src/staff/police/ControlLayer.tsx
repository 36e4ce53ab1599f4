import type { Control } from '@trygg/domain'
import { circleMarker, layerGroup, polyline } from 'leaflet'
import { useEffect } from 'react'
import { useMap } from 'react-leaflet'

/** Colour of a control by kind: speed checks blue, behaviour monitoring purple. */
export const CONTROL_COLORS = { speed_check: '#1f4e9c', behaviour_monitoring: '#6a3d9a' } as const

export interface ControlLayerProps {
  controls: readonly Control[]
  label: (control: Control) => string
}

/** Controls performed: a ringed dot for a point, a thick line for a road segment. */
export function ControlLayer({ controls, label }: ControlLayerProps) {
  const map = useMap()
  useEffect(
    function addControls() {
      const group = layerGroup()
      for (const c of controls) {
        const color = CONTROL_COLORS[c.kind]
        const shape =
          c.place.type === 'Point'
            ? circleMarker([c.place.coordinates[1]!, c.place.coordinates[0]!], { radius: 8, color: '#fff', weight: 3, fillColor: color, fillOpacity: 1 })
            : polyline(c.place.coordinates.map(([lon, lat]) => [lat!, lon!] as [number, number]), { color, weight: 6, opacity: 0.9 })
        shape.bindTooltip(label(c)).addTo(group)
      }
      group.addTo(map)
      return function removeControls() {
        group.remove()
      }
    },
    [map, controls, label],
  )
  return null
}
