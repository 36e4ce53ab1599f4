import type { ClusterFeature } from '@trygg/domain'
import type { DivIcon, LatLngTuple, LeafletEventHandlerFnMap, LeafletKeyboardEvent } from 'leaflet'
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react'
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
  const markerCache = useRef(new Map<string, ClusterMarker>())

  useEffect(
    function announceClusterError() {
      if (error) announce(t.clustersError, 'error')
    },
    [error, announce, t],
  )

  const markers = useMemo(() => {
    const previous = markerCache.current
    const next = new Map<string, ClusterMarker>()
    const keys = new Set<string>()
    const result: ClusterMarker[] = []
    for (const feature of features) {
      const [lon = 0, lat = 0] = feature.geometry.coordinates
      const { count, id, sensitive, categories: counts } = feature.properties
      const category = categories.get(dominantCategory(counts) ?? '')
      let key = id !== undefined ? `pin:${id}` : `cluster:${lon},${lat}${sensitive ? ':s' : ''}`
      while (keys.has(key)) key += '+'
      keys.add(key)
      // An unchanged feature keeps its marker object (position, icon and all), so React skips it
      // and the marker keeps its element (and keyboard focus): a new answer after a pan touches
      // only the markers that changed.
      const signature = `${key}|${lon},${lat}|${lang}|${count}|${category?.key}|${category?.color}|${countsSignature(counts)}`
      let marker = previous.get(signature)
      if (!marker) {
        const label =
          count === 1 && id !== undefined && category
            ? categoryLabel(category, lang)
            : sensitive
              ? t.sensitiveClusterLabel(count)
              : t.clusterLabel(count)
        marker = { key, position: [lat, lon], feature, icon: clusterIcon(feature, { category, label }) }
      }
      next.set(signature, marker)
      result.push(marker)
    }
    markerCache.current = next
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
        <ClusterMarkerView key={marker.key} marker={marker} activate={activate} />
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

/** The category counts of a feature as a string, to tell a changed mix from an unchanged one. */
function countsSignature(counts: Record<string, number> | undefined): string {
  if (!counts) return ''
  let out = ''
  for (const category in counts) out += `${category}:${counts[category]},`
  return out
}

/** One marker; re-rendered only when its marker object or `activate` changes. */
const ClusterMarkerView = memo(function ClusterMarkerView({ marker, activate }: { marker: ClusterMarker; activate: Activate }) {
  const eventHandlers = useMemo(() => markerHandlers(marker, activate), [marker, activate])
  return <Marker position={marker.position} icon={marker.icon} keyboard riseOnHover eventHandlers={eventHandlers} />
})

type Activate = (marker: ClusterMarker, element: HTMLElement | undefined) => void

function markerHandlers(
  marker: ClusterMarker,
  activate: Activate,
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
