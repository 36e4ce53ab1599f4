import type { ClusterFeature } from '@trygg/domain'
import { latLngBounds, point, type Map as LeafletMap } from 'leaflet'
import { useEffect, useState } from 'react'
import { clusterQueryString, fetchClusters, type ClusterFilters, type ClusterRequest } from '../api/api-client.ts'
import { isAbortError } from '../api/api-error.ts'
import { ClusterCache, type Bbox } from './cluster-cache.ts'

export interface UseClustersOptions {
  /** change it to refetch without the map moving, e.g. after a new pin */
  refreshKey?: number
  filters?: ClusterFilters
  /** how far beyond the visible map to fetch, as a fraction of its size */
  padding?: number
  /** how long an answer may be reused for the same request, milliseconds */
  maxAgeMs?: number
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

/** Tiles of this many pixels are the grid that fetched areas snap to. */
const SNAP_PX = 256

/**
 * The cluster request for the map's current view: the bbox padded by `padding` (a fraction of the
 * view's size) and widened to whole 256 px tiles, and the integer zoom the API expects. Snapping
 * makes nearby views ask the same question, so their answers can be reused.
 */
export function clusterRequestOf(map: LeafletMap, padding: number): Pick<ClusterRequest, 'bbox' | 'zoom'> {
  const zoom = clamp(Math.round(map.getZoom()), MIN_ZOOM, MAX_ZOOM)
  const padded = map.getBounds().pad(padding)
  const topLeft = map.project(padded.getNorthWest(), zoom).divideBy(SNAP_PX).floor().multiplyBy(SNAP_PX)
  const bottomRight = map.project(padded.getSouthEast(), zoom).divideBy(SNAP_PX).ceil().multiplyBy(SNAP_PX)
  const snapped = latLngBounds(map.unproject(point(topLeft.x, topLeft.y), zoom), map.unproject(point(bottomRight.x, bottomRight.y), zoom))
  return { bbox: bboxOf(snapped), zoom }
}

function bboxOf(bounds: ReturnType<LeafletMap['getBounds']>): Bbox {
  return [
    clamp(bounds.getWest(), -180, 180),
    clamp(bounds.getSouth(), -MAX_LAT, MAX_LAT),
    clamp(bounds.getEast(), -180, 180),
    clamp(bounds.getNorth(), -MAX_LAT, MAX_LAT),
  ]
}

/** While the map moves, the view is asked for at most this often, milliseconds. */
const MOVE_THROTTLE_MS = 100

/**
 * The clusters in view: fetched at once, while the map moves (at most every `MOVE_THROTTLE_MS`,
 * so that by the end of a drag's glide the answer for where it stops is on hand or on its way),
 * again at the end of every move (`moveend`), and whenever `refreshKey` or the filters change.
 * A request asked in the last `maxAgeMs` (short moves ask the same one, see `clusterRequestOf`)
 * paints from memory; the same request already in flight is left to finish; any other newer
 * fetch aborts the one in flight, so only the answer for the latest view is painted.
 */
export function useClusters(map: LeafletMap, options: UseClustersOptions = {}): ClustersState {
  const { refreshKey = 0, filters, padding = 0.25, maxAgeMs = 30_000 } = options
  const [state, setState] = useState<ClustersState>({ features: [], error: null })
  const filtersKey = JSON.stringify(filters ?? {})

  useEffect(
    function fetchClustersOnMove() {
      const parsedFilters = JSON.parse(filtersKey) as ClusterFilters
      const cache = new ClusterCache<readonly ClusterFeature[]>({ maxAgeMs })
      let inFlight: { key: string; controller: AbortController } | null = null
      let lastMoveLoad = -Infinity

      function load() {
        const now = Date.now()
        const request = clusterRequestOf(map, padding)
        const key = clusterQueryString({ ...parsedFilters, ...request })
        if (inFlight?.key === key) return
        inFlight?.controller.abort()
        inFlight = null
        const cached = cache.get(key, now)
        if (cached) return setState({ features: cached, error: null })
        const current = { key, controller: new AbortController() }
        inFlight = current
        fetchClusters({ ...parsedFilters, ...request }, current.controller.signal)
          .then((collection) => {
            if (current.controller.signal.aborted) return
            cache.set(key, collection.features, now)
            setState({ features: collection.features, error: null })
          })
          .catch((error: unknown) => {
            if (!current.controller.signal.aborted && !isAbortError(error)) setState((s) => ({ ...s, error }))
          })
          .finally(() => {
            if (inFlight === current) inFlight = null
          })
      }

      function loadWhileMoving() {
        const now = performance.now()
        if (now - lastMoveLoad < MOVE_THROTTLE_MS) return
        lastMoveLoad = now
        load()
      }

      load()
      map.on('move', loadWhileMoving)
      map.on('moveend', load)
      return function stopFetchingClusters() {
        map.off('move', loadWhileMoving)
        map.off('moveend', load)
        inFlight?.controller.abort()
      }
    },
    [map, refreshKey, filtersKey, padding, maxAgeMs],
  )

  return state
}
