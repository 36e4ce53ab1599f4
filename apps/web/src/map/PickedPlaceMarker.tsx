import { divIcon, type LatLngTuple } from 'leaflet'
import { Marker } from 'react-leaflet'

const PLACE_ICON = divIcon({
  className: 'map-marker',
  html: '<div class="picked-place"></div>',
  iconSize: [36, 44],
  iconAnchor: [18, 44],
})

/** The place chosen for a new pin; decorative, the form names the step. */
export function PickedPlaceMarker({ position }: { position: LatLngTuple }) {
  return <Marker position={position} icon={PLACE_ICON} interactive={false} keyboard={false} zIndexOffset={1000} />
}
