import type { GiStarCellFeature } from '@trygg/domain'
import { canvas, geoJSON, type GeoJSONOptions, type PathOptions } from 'leaflet'
import { useEffect } from 'react'
import { useMap } from 'react-leaflet'
import { binColor } from './hotspot-colors.ts'

export interface GiStarLayerProps {
  cells: readonly GiStarCellFeature[]
  /** tooltip text of a cell */
  label: (cell: GiStarCellFeature) => string
}

/** Gi* grid cells filled by confidence bin, drawn on a canvas (there may be thousands). */
export function GiStarLayer({ cells, label }: GiStarLayerProps) {
  const map = useMap()

  useEffect(
    function addCells() {
      const renderer = canvas({ padding: 0.2 })
      // GeoJSON hands its options to each polygon, so the canvas renderer applies to every cell.
      const options: GeoJSONOptions & Pick<PathOptions, 'renderer'> = {
        renderer,
        style(f) {
          const bin = (f as unknown as GiStarCellFeature).properties.bin
          return { fillColor: binColor(bin), fillOpacity: bin === 0 ? 0.35 : 0.7, color: '#6b7280', weight: 0.5, opacity: 0.6 }
        },
        onEachFeature(f, path) {
          path.bindTooltip(label(f as unknown as GiStarCellFeature), { sticky: true })
        },
      }
      const layer = geoJSON(cells as unknown as GeoJSON.FeatureCollection['features'], options).addTo(map)
      return function removeCells() {
        layer.remove()
      }
    },
    [map, cells, label],
  )

  return null
}
