import type { PublicWalk } from '@trygg/domain'
import { divIcon, type Map as LeafletMap } from 'leaflet'
import type { Ref } from 'react'
import { CircleMarker, MapContainer, Marker, Polyline, TileLayer } from 'react-leaflet'
import { Crosshair } from '../map/Crosshair.tsx'
import { LocalizedZoomControl } from '../map/LocalizedZoomControl.tsx'
import { MapAccessibility } from '../map/MapAccessibility.tsx'
import { MapSizeWatcher } from '../map/MapSizeWatcher.tsx'
import type { OwnPosition } from './use-own-position.ts'

export interface WalkMapProps {
  walk: PublicWalk
  tileUrl: string
  attribution: string
  maxZoom: number
  position: OwnPosition
  label: string
  meetingPointLabel: string
  /** id of the text that says how the place is chosen */
  describedBy: string
  mapRef: Ref<LeafletMap>
}

/** The walk's route, its meeting point, the leader's own position and the crosshair that picks the place. */
export function WalkMap({ walk, tileUrl, attribution, maxZoom, position, label, meetingPointLabel, describedBy, mapRef }: WalkMapProps) {
  const [lon, lat] = walk.meetingPoint.coordinates as [number, number]
  const route = walk.route.coordinates.map(([x, y]) => [y!, x!] as [number, number])
  const meetingIcon = divIcon({ className: 'map-marker', html: imageDiv('walk-meeting-point', meetingPointLabel), iconSize: [28, 28], iconAnchor: [14, 14] })
  return (
    <div className="walk-map" data-testid="walk-map">
      <MapContainer ref={mapRef} className="map" center={[lat, lon]} zoom={16} maxZoom={maxZoom} zoomControl={false} keyboard>
        <TileLayer url={tileUrl} attribution={attribution} maxZoom={maxZoom} />
        <Polyline positions={route} pathOptions={{ color: '#0b3d91', weight: 5, opacity: 0.85 }} interactive={false} />
        <Marker position={[lat, lon]} icon={meetingIcon} keyboard={false} interactive={false} />
        {position.status === 'known' && (
          <CircleMarker center={[position.lat, position.lon]} radius={9} pathOptions={{ color: '#ffffff', weight: 3, fillColor: '#1a73e8', fillOpacity: 1 }} interactive={false} />
        )}
        <LocalizedZoomControl />
        <MapAccessibility label={label} describedBy={describedBy} />
        <MapSizeWatcher />
      </MapContainer>
      <Crosshair />
    </div>
  )
}

/** A marker's picture as an element named for assistive technology (a marker that does nothing is not a button). */
export function imageDiv(className: string, label: string): HTMLElement {
  const element = document.createElement('div')
  element.className = className
  element.setAttribute('role', 'img')
  element.setAttribute('aria-label', label)
  return element
}
