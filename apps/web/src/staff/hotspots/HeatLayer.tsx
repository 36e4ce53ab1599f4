import { useEffect } from 'react'
import { useMap } from 'react-leaflet'
import { loadHeatLayer } from './leaflet-heat.ts'

export interface HeatLayerProps {
  /** `[lon, lat, weight]` per pin, as the API sends them */
  points: readonly (readonly number[])[]
}

/** A heat map of pins (leaflet.heat), intensity scaled to the heaviest point. */
export function HeatLayer({ points }: HeatLayerProps) {
  const map = useMap()

  useEffect(
    function addHeat() {
      let layer: { remove(): void } | null = null
      let cancelled = false
      const max = Math.max(1, ...points.map((p) => p[2] ?? 1))
      loadHeatLayer().then((heatLayer) => {
        if (cancelled) return
        const latLngs = points.map(([lon = 0, lat = 0, w = 1]) => [lat, lon, w] as [number, number, number])
        layer = heatLayer(latLngs, { radius: 22, blur: 18, max, minOpacity: 0.25 }).addTo(map)
      })
      return function removeHeat() {
        cancelled = true
        layer?.remove()
      }
    },
    [map, points],
  )

  return null
}
