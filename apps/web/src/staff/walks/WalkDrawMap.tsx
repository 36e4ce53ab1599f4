import type { AppConfig } from '@trygg/domain'
import { CircleMarker, MapContainer, Polyline, TileLayer, useMapEvents } from 'react-leaflet'

export interface WalkDrawMapProps {
  config: AppConfig
  /** [lon, lat]: the first is the meeting point, all of them the route */
  points: readonly (readonly [number, number])[]
  onAdd: (point: [number, number]) => void
  label: string
}

function ClickToAdd({ onAdd }: { onAdd: (point: [number, number]) => void }) {
  useMapEvents({ click: (event) => onAdd([round(event.latlng.lng), round(event.latlng.lat)]) })
  return null
}

const round = (v: number) => Math.round(v * 1e6) / 1e6

/** A map to plan a walk on: the first click sets the meeting point, each one after extends the route. */
export function WalkDrawMap({ config, points, onAdd, label }: WalkDrawMapProps) {
  const latLngs = points.map(([lon, lat]) => [lat, lon] as [number, number])
  return (
    <div className="walk-draw-map" role="region" aria-label={label}>
      <MapContainer className="map" center={[config.municipality.center.lat, config.municipality.center.lon]} zoom={Math.max(config.municipality.defaultZoom, 14)} maxZoom={config.map.maxZoom}>
        <TileLayer url={config.map.tileUrl} attribution={config.map.attribution} maxZoom={config.map.maxZoom} />
        <ClickToAdd onAdd={onAdd} />
        {latLngs.length > 1 && <Polyline positions={latLngs} pathOptions={{ color: '#0b3d91', weight: 5 }} />}
        {latLngs[0] && <CircleMarker center={latLngs[0]} radius={10} pathOptions={{ color: '#ffffff', weight: 3, fillColor: '#b3261e', fillOpacity: 1 }} />}
      </MapContainer>
    </div>
  )
}
