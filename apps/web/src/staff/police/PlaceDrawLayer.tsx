import { circleMarker, layerGroup, polyline, type LeafletMouseEvent } from 'leaflet'
import { useEffect } from 'react'
import { useMap } from 'react-leaflet'

export interface PlaceDrawLayerProps {
  /** `point`: a click sets the one point; `segment`: each click adds a vertex */
  mode: 'point' | 'segment'
  /** [lon, lat] vertices chosen so far */
  vertices: readonly (readonly [number, number])[]
  onChange: (vertices: [number, number][]) => void
}

/** Draws the place of a new control by clicking the map, and shows it. */
export function PlaceDrawLayer({ mode, vertices, onChange }: PlaceDrawLayerProps) {
  const map = useMap()
  useEffect(
    function listenForClicks() {
      const onClick = (event: LeafletMouseEvent) => {
        const v: [number, number] = [Math.round(event.latlng.lng * 1e6) / 1e6, Math.round(event.latlng.lat * 1e6) / 1e6]
        onChange(mode === 'point' ? [v] : [...vertices.map((p) => [p[0], p[1]] as [number, number]), v])
      }
      map.on('click', onClick)
      map.getContainer().classList.add('traffic-drawing')
      return function stopListening() {
        map.off('click', onClick)
        map.getContainer().classList.remove('traffic-drawing')
      }
    },
    [map, mode, vertices, onChange],
  )
  useEffect(
    function showPlace() {
      const group = layerGroup()
      const latlngs = vertices.map(([lon, lat]) => [lat, lon] as [number, number])
      if (latlngs.length > 1) polyline(latlngs, { color: '#d95f02', weight: 6, dashArray: '8 6', interactive: false }).addTo(group)
      for (const ll of latlngs) circleMarker(ll, { radius: 7, color: '#fff', weight: 2, fillColor: '#d95f02', fillOpacity: 1, interactive: false }).addTo(group)
      group.addTo(map)
      return function hidePlace() {
        group.remove()
      }
    },
    [map, vertices],
  )
  return null
}
