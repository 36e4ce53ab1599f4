import { polyline } from 'leaflet'
import { useEffect } from 'react'
import { useMap } from 'react-leaflet'
import { outlineLatLngs, type Boundary } from './boundary.ts'

/** The municipality's boundary as an outline. */
export function BoundaryLayer({ boundary }: { boundary: Boundary }) {
  const map = useMap()

  useEffect(
    function addBoundaryOutline() {
      const layer = polyline(outlineLatLngs(boundary), {
        className: 'boundary-outline',
        color: '#1d4f91',
        weight: 3,
        opacity: 0.9,
        interactive: false,
      }).addTo(map)
      return function removeBoundaryOutline() {
        layer.remove()
      }
    },
    [map, boundary],
  )

  return null
}
