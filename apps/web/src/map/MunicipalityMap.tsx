import type { AppConfig } from '@trygg/domain'
import type { LatLng, LatLngTuple, Map as LeafletMap } from 'leaflet'
import { useMemo, type Ref } from 'react'
import { MapContainer, TileLayer } from 'react-leaflet'
import type { CategoryIndex } from '../categories/category-index.ts'
import { useI18n } from '../i18n/language.tsx'
import { paddedBounds } from './boundary.ts'
import { BoundaryLayer } from './BoundaryLayer.tsx'
import { BoundaryMaskLayer } from './BoundaryMaskLayer.tsx'
import { ClusterLayer } from './ClusterLayer.tsx'
import { LocalizedZoomControl } from './LocalizedZoomControl.tsx'
import { MapAccessibility } from './MapAccessibility.tsx'
import { MapSizeWatcher } from './MapSizeWatcher.tsx'
import { PickedPlaceMarker } from './PickedPlaceMarker.tsx'
import { PlacePicker } from './PlacePicker.tsx'

export interface MunicipalityMapProps {
  config: AppConfig
  categories: CategoryIndex
  /** receives the Leaflet map once created */
  mapRef: Ref<LeafletMap>
  /** change it to refetch the clusters */
  refreshKey: number
  /** set while the resident is choosing a place; called with the picked point */
  onPick?: ((latlng: LatLng) => void) | undefined
  /** the place chosen for a new pin, shown with a marker */
  pickedPlace?: LatLngTuple | undefined
}

const MAP_HELP_ID = 'map-keyboard-help'
/** How far beyond the municipality the map may be moved, as a fraction of its size. */
const BOUNDS_PADDING = 0.6
/** How many zoom levels out from the default view the map may go. */
const ZOOM_OUT_LEVELS = 3

/**
 * The municipality's map: tiles (optional, the map works without them), the boundary,
 * the clusters, and the place picker while a pin is being made.
 */
export function MunicipalityMap({ config, categories, mapRef, refreshKey, onPick, pickedPlace }: MunicipalityMapProps) {
  const { t } = useI18n()
  const { municipality, map: mapConfig } = config
  const maxBounds = useMemo(() => paddedBounds(municipality.boundary, BOUNDS_PADDING), [municipality.boundary])

  return (
    <>
      <p id={MAP_HELP_ID} className="visually-hidden">
        {t.mapHelp}
      </p>
      <MapContainer
        ref={mapRef}
        className="map"
        center={[municipality.center.lat, municipality.center.lon]}
        zoom={municipality.defaultZoom}
        minZoom={Math.max(0, municipality.defaultZoom - ZOOM_OUT_LEVELS)}
        maxZoom={mapConfig.maxZoom}
        maxBounds={maxBounds}
        maxBoundsViscosity={0.8}
        zoomControl={false}
        keyboard
      >
        <TileLayer url={mapConfig.tileUrl} attribution={mapConfig.attribution} maxZoom={mapConfig.maxZoom} />
        <BoundaryMaskLayer boundary={municipality.boundary} />
        <BoundaryLayer boundary={municipality.boundary} />
        <ClusterLayer categories={categories} timeZone={municipality.timeZone} refreshKey={refreshKey} />
        {onPick && <PlacePicker onPick={onPick} />}
        {pickedPlace && <PickedPlaceMarker position={pickedPlace} />}
        <LocalizedZoomControl />
        <MapAccessibility label={t.mapLabel(municipality.name)} describedBy={MAP_HELP_ID} />
        <MapSizeWatcher />
      </MapContainer>
    </>
  )
}
