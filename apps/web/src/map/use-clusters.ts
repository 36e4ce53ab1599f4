import type { ClusterFeature } from '@trygg/domain'
import type { Map as LeafletMap } from 'leaflet'
import { useEffect, useState } from 'react'
import { fetchClusters, type ClusterFilters, type ClusterRequest } from '../api/api-client.ts'
import { isAbortError } from '../api/api-error.ts'

export interface UseClustersOptions {
  /** change it to refetch without the map moving, e.g. after a new pin */
  refreshKey?: number
  filters?: ClusterFilters
  /** quiet time after the last move before fetching, milliseconds */
  debounceMs?: number
  /** how far beyond the visible map to fetch, as a fraction of its size */
  padding?: number
}

export interface ClustersState {
  features: readonly ClusterFeature[]
  /** the last fetch failed; cleared by the next successful one */
  error: unknown
}

const MIN_ZOOM = 0
const MAX_ZOOM = 20
const MAX_LAT = 85

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}

/** The cluster request for the map's current view: padded bbox and the integer zoom the API expects. */
export function clusterRequestOf(map: LeafletMap, padding: number): Pick<ClusterRequest, 'bbox' | 'zoom'> {
  const bounds = map.getBounds().pad(padding)
  return {
    bbox: [
      clamp(bounds.getWest(), -180, 180),
      clamp(bounds.getSouth(), -MAX_LAT, MAX_LAT),
      clamp(bounds.getEast(), -180, 180),
      clamp(bounds.getNorth(), -MAX_LAT, MAX_LAT),
    ],
    zoom: clamp(Math.round(map.getZoom()), MIN_ZOOM, MAX_ZOOM),
  }
}

/**
 * The clusters in view: fetched at once, again on every `moveend` (debounced),
 * and whenever `refreshKey` or the filters change. A newer fetch aborts the one in flight.
 */
export function useClusters(map: LeafletMap, options: UseClustersOptions = {}): ClustersState {
  const { refreshKey = 0, filters, debounceMs = 250, padding = 0.25 } = options
  const [state, setState] = useState<ClustersState>({ features: [], error: null })
  const filtersKey = JSON.stringify(filters ?? {})

  useEffect(
    function fetchClustersOnMove() {
      const parsedFilters = JSON.parse(filtersKey) as ClusterFilters
      let controller: AbortController | null = null
      let timer: number | undefined

      function load() {
        controller?.abort()
        const current = new AbortController()
        controller = current
        fetchClusters({ ...parsedFilters, ...clusterRequestOf(map, padding) }, current.signal)
          .then((collection) => {
            if (!current.signal.aborted) setState({ features: collection.features, error: null })
          })
          .catch((error: unknown) => {
            if (!current.signal.aborted && !isAbortError(error)) setState((s) => ({ ...s, error }))
          })
      }

      function scheduleLoad() {
        window.clearTimeout(timer)
        timer = window.setTimeout(load, debounceMs)
      }

      load()
      map.on('moveend', scheduleLoad)
      return function stopFetchingClusters() {
        map.off('moveend', scheduleLoad)
        window.clearTimeout(timer)
        controller?.abort()
      }
    },
    [map, refreshKey, filtersKey, debounceMs, padding],
  )

  return state
}
