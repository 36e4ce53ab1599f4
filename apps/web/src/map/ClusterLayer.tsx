import type { ClusterFeature } from '@trygg/domain'
import type { DivIcon, LatLngTuple, LeafletEventHandlerFnMap, LeafletKeyboardEvent } from 'leaflet'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Marker, useMap } from 'react-leaflet'
import type { CategoryIndex } from '../categories/category-index.ts'
import { useI18n } from '../i18n/language.tsx'
import { categoryLabel } from '../i18n/localized.ts'
import { useStatus } from '../status/status.tsx'
import { clusterIcon } from './cluster-icon.ts'
import { ClusterSummaryPopup } from './ClusterSummaryPopup.tsx'
import { dominantCategory } from './colors.ts'
import { PinPopup } from './PinPopup.tsx'
import { useClusters } from './use-clusters.ts'

export interface ClusterLayerProps {
  categories: CategoryIndex
  /** IANA zone for dates in pin popups */
  timeZone: string
  /** change it to refetch, e.g. after a new pin */
  refreshKey: number
}

interface ClusterMarker {
  key: string
  position: LatLngTuple
  feature: ClusterFeature
  icon: DivIcon
}

type Selection =
  | { kind: 'pin'; key: string; id: number; position: LatLngTuple; returnFocus: HTMLElement | undefined }
  | { kind: 'cluster'; key: string; feature: ClusterFeature; position: LatLngTuple; returnFocus: HTMLElement | undefined }

/** How many zoom levels a click on a cluster zooms in. */
const CLUSTER_ZOOM_STEP = 2

/**
 * Server-side clusters of the map view as markers. A cluster zooms in when activated
 * (click, Enter or Space); a single pin, or a cluster at maximum zoom, opens a popup.
 */
export function ClusterLayer({ categories, timeZone, refreshKey }: ClusterLayerProps) {
  const map = useMap()
  const { lang, t } = useI18n()
  const { announce } = useStatus()
  const { features, error } = useClusters(map, { refreshKey })
  const [selection, setSelection] = useState<Selection | null>(null)
  const iconCache = useRef(new Map<string, DivIcon>())

  useEffect(
    function announceClusterError() {
      if (error) announce(t.clustersError, 'error')
    },
    [error, announce, t],
  )

  const markers = useMemo(() => {
    const previous = iconCache.current
    const next = new Map<string, DivIcon>()
    const result: ClusterMarker[] = []
    for (const feature of features) {
      const [lon = 0, lat = 0] = feature.geometry.coordinates
      const { count, id, sensitive, categories: counts } = feature.properties
      const category = categories.get(dominantCategory(counts) ?? '')
      let key = id !== undefined ? `pin:${id}` : `cluster:${lon},${lat}${sensitive ? ':s' : ''}`
      while (next.has(key)) key += '+'
      // Unchanged features keep their icon, so markers keep their element (and keyboard focus).
      const signature = `${key}|${lang}|${count}|${category?.key}|${category?.color}`
      const label =
        count === 1 && id !== undefined && category
          ? categoryLabel(category, lang)
          : sensitive
            ? t.sensitiveClusterLabel(count)
            : t.clusterLabel(count)
      const icon = previous.get(signature) ?? clusterIcon(feature, { category, label })
      next.set(signature, icon)
      result.push({ key, position: [lat, lon], feature, icon })
    }
    iconCache.current = next
    return result
  }, [features, categories, lang, t])

  const activate = useCallback(
    (marker: ClusterMarker, element: HTMLElement | undefined) => {
      const { id, count } = marker.feature.properties
      if (count === 1 && id !== undefined) {
        setSelection({ kind: 'pin', key: marker.key, id, position: marker.position, returnFocus: element })
      } else if (map.getZoom() < map.getMaxZoom()) {
        map.setView(marker.position, Math.min(map.getZoom() + CLUSTER_ZOOM_STEP, map.getMaxZoom()))
      } else {
        setSelection({ kind: 'cluster', key: marker.key, feature: marker.feature, position: marker.position, returnFocus: element })
      }
    },
    [map],
  )

  const closeSelection = useCallback((closing: Selection) => {
    const element = closing.returnFocus
    if (element?.isConnected && document.activeElement?.closest('.leaflet-popup')) element.focus({ preventScroll: true })
    setSelection((current) => (current?.key === closing.key ? null : current))
  }, [])

  return (
    <>
      {markers.map((marker) => (
        <Marker
          key={marker.key}
          position={marker.position}
          icon={marker.icon}
          keyboard
          riseOnHover
          eventHandlers={markerHandlers(marker, activate)}
        />
      ))}
      {selection?.kind === 'pin' && (
        <PinPopup
          key={selection.key}
          pinId={selection.id}
          position={selection.position}
          categories={categories}
          timeZone={timeZone}
          onClose={() => closeSelection(selection)}
        />
      )}
      {selection?.kind === 'cluster' && (
        <ClusterSummaryPopup
          key={selection.key}
          position={selection.position}
          count={selection.feature.properties.count}
          counts={selection.feature.properties.categories}
          categories={categories}
          onClose={() => closeSelection(selection)}
        />
      )}
    </>
  )
}

function markerHandlers(
  marker: ClusterMarker,
  activate: (marker: ClusterMarker, element: HTMLElement | undefined) => void,
): LeafletEventHandlerFnMap {
  return {
    click(event) {
      activate(marker, event.target.getElement?.())
    },
    keypress(event) {
      const { originalEvent } = event as LeafletKeyboardEvent
      if (originalEvent.key !== 'Enter' && originalEvent.key !== ' ') return
      originalEvent.preventDefault()
      activate(marker, event.target.getElement?.())
    },
  }
}
