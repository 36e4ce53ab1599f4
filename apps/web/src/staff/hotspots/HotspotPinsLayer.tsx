import type { HotspotPin } from '@trygg/domain'
import { circleMarker, layerGroup } from 'leaflet'
import { useEffect } from 'react'
import { useMap } from 'react-leaflet'

export interface HotspotPinsLayerProps {
  pins: readonly HotspotPin[]
  /** fill colour of a pin, e.g. its category group's */
  color: (pin: HotspotPin) => string
}

/** The pins of the selected hotspot as small dots. */
export function HotspotPinsLayer({ pins, color }: HotspotPinsLayerProps) {
  const map = useMap()

  useEffect(
    function addPins() {
      const group = layerGroup(
        pins.map((pin) => circleMarker([pin.lat, pin.lon], { radius: 5, color: '#ffffff', weight: 1.5, fillColor: color(pin), fillOpacity: 1, interactive: false })),
      ).addTo(map)
      return function removePins() {
        group.remove()
      }
    },
    [map, pins, color],
  )

  return null
}
