import { polygon } from 'leaflet'
import { useEffect } from 'react'
import { useMap } from 'react-leaflet'
import { maskLatLngs, type Boundary } from './boundary.ts'

/** A light veil over everything outside the municipality. */
export function BoundaryMaskLayer({ boundary }: { boundary: Boundary }) {
  const map = useMap()

  useEffect(
    function addBoundaryMask() {
      const layer = polygon(maskLatLngs(boundary), {
        className: 'boundary-mask',
        stroke: false,
        fillColor: '#ffffff',
        fillOpacity: 0.55,
        interactive: false,
      }).addTo(map)
      return function removeBoundaryMask() {
        layer.remove()
      }
    },
    [map, boundary],
  )

  return null
}
