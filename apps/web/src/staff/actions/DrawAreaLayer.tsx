import { polygon, polyline, type LeafletMouseEvent } from 'leaflet'
import { useEffect } from 'react'
import { useMap } from 'react-leaflet'

export interface DrawAreaLayerProps {
  /** Corners placed so far, [lon, lat]. */
  corners: readonly [number, number][]
  onAdd: (corner: [number, number]) => void
}

/** While drawing: each click on the map adds a corner; the outline so far is shown. */
export function DrawAreaLayer({ corners, onAdd }: DrawAreaLayerProps) {
  const map = useMap()

  useEffect(
    function addClickHandler() {
      const onClick = (e: LeafletMouseEvent) => onAdd([Number(e.latlng.lng.toFixed(6)), Number(e.latlng.lat.toFixed(6))])
      map.on('click', onClick)
      map.getContainer().classList.add('map--drawing')
      return function removeClickHandler() {
        map.off('click', onClick)
        map.getContainer().classList.remove('map--drawing')
      }
    },
    [map, onAdd],
  )

  useEffect(
    function showOutline() {
      const latlngs = corners.map(([lon, lat]) => [lat, lon] as [number, number])
      const shape = corners.length >= 3 ? polygon(latlngs, { color: '#0b3d91', dashArray: '4 4' }) : polyline(latlngs, { color: '#0b3d91' })
      shape.addTo(map)
      return function removeOutline() {
        shape.remove()
      }
    },
    [map, corners],
  )
  return null
}

/** A closed GeoJSON polygon from drawn corners (at least three). */
export function polygonOf(corners: readonly [number, number][]): { type: 'Polygon'; coordinates: number[][][] } {
  return { type: 'Polygon', coordinates: [[...corners, corners[0]!].map((c) => [...c])] }
}
