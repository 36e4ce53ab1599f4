import type { ClusterFeature } from '@trygg/domain'
import { bounds, latLngBounds, point, type Map as LeafletMap, type Point } from 'leaflet'
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
export function clusterRequestOf(map: LeafletMap, padding: number, offset: Point = point(0, 0)): Pick<ClusterRequest, 'bbox' | 'zoom'> {
  const zoom = clamp(Math.round(map.getZoom()), MIN_ZOOM, MAX_ZOOM)
  const view = map.getPixelBounds()
  const shifted = bounds(view.min!.add(offset), view.max!.add(offset))
  const padded = latLngBounds(map.unproject(shifted.getBottomLeft()), map.unproject(shifted.getTopRight())).pad(padding)
  const topLeft = map.project(padded.getNorthWest(), zoom).divideBy(SNAP_PX).floor().multiplyBy(SNAP_PX)
  const bottomRight = map.project(padded.getSouthEast(), zoom).divideBy(SNAP_PX).ceil().multiplyBy(SNAP_PX)
  const snapped = latLngBounds(map.unproject(point(topLeft.x, topLeft.y), zoom), map.unproject(point(bottomRight.x, bottomRight.y), zoom))
  return { bbox: bboxOf(snapped), zoom }
}

/** Where the map was while dragged, in pixels, and when (ms). */
export interface DragSample {
  at: number
  x: number
  y: number
}

/** Leaflet's drag handler bases the glide on the last 50 ms of the drag. */
const GLIDE_SAMPLE_MS = 50

/**
 * How far, in pixels, the map will glide on after a drag released at `now`: the offset Leaflet's
 * drag handler (1.9) computes from the same samples and map options and then pans by
 * (`Map.Drag#_onDragEnd`), before it is kept inside `maxBounds`. Null when it will not glide.
 */
export function glideOffset(
  samples: readonly DragSample[],
  now: number,
  options: { inertia?: boolean; inertiaDeceleration?: number; inertiaMaxSpeed?: number; easeLinearity?: number },
): Point | null {
  const { inertia = true, inertiaDeceleration = 3000, inertiaMaxSpeed = Infinity, easeLinearity = 0.2 } = options
  if (!inertia || samples.length < 2) return null
  let first = 0
  while (first < samples.length - 1 && now - samples[first]!.at > GLIDE_SAMPLE_MS) first++
  const from = samples[first]!
  const to = samples[samples.length - 1]!
  const seconds = (to.at - from.at) / 1000
  if (seconds <= 0) return null
  const speedVector = point(to.x - from.x, to.y - from.y).multiplyBy(easeLinearity / seconds)
  const speed = speedVector.distanceTo(point(0, 0))
  if (!speed) return null
  const limitedSpeed = Math.min(inertiaMaxSpeed, speed)
  const decelerationSeconds = limitedSpeed / (inertiaDeceleration * easeLinearity)
  const offset = speedVector.multiplyBy(((limitedSpeed / speed) * decelerationSeconds) / 2).round()
  return offset.x || offset.y ? offset : null
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
 * `offset` cut short so that the view stays inside the map's `maxBounds`, as Leaflet (1.9) cuts a
 * glide short (`Map#_limitOffset`, `_getBoundsOffset`, `_rebound`).
 */
function keptInside(map: LeafletMap, offset: Point): Point {
  const maxBounds = map.options.maxBounds
  if (!maxBounds) return offset
  const limits = latLngBounds(maxBounds as Parameters<typeof latLngBounds>[0])
  const view = map.getPixelBounds()
  const moved = bounds(view.min!.add(offset), view.max!.add(offset))
  const allowed = bounds(map.project(limits.getNorthEast()), map.project(limits.getSouthWest()))
  const minOffset = allowed.min!.subtract(moved.min!)
  const maxOffset = allowed.max!.subtract(moved.max!)
  const rebound = (left: number, right: number) =>
    left + right > 0 ? Math.round(left - right) / 2 : Math.max(0, Math.ceil(left)) - Math.max(0, Math.floor(right))
  return offset.add(point(rebound(minOffset.x, -maxOffset.x), rebound(minOffset.y, -maxOffset.y)))
}

/**
 * The clusters in view: fetched at once, while the map moves (at most every `MOVE_THROTTLE_MS`),
 * for where a drag's glide will stop as soon as the drag is released (`dragend`, see
 * `glideOffset`), so that the answer is on hand or on its way when the glide ends, again at the
 * end of every move (`moveend`, which paints the answer for the view the map stopped at), and
 * whenever `refreshKey` or the filters change.
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

      let gliding = false
      const drags: DragSample[] = []

      function load(offset?: Point) {
        const now = Date.now()
        const request = clusterRequestOf(map, padding, offset)
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
        // a glide's own end is asked for already: leave that request be
        if (gliding || now - lastMoveLoad < MOVE_THROTTLE_MS) return
        lastMoveLoad = now
        load()
      }

      function startDrag() {
        drags.length = 0
        gliding = false
      }

      function recordDrag() {
        const { min } = map.getPixelBounds()
        drags.push({ at: Date.now(), x: min!.x, y: min!.y })
        while (drags.length > 1 && drags[drags.length - 1]!.at - drags[0]!.at > GLIDE_SAMPLE_MS) drags.shift()
      }

      function loadGlideEnd() {
        const offset = glideOffset(drags, Date.now(), map.options)
        if (!offset) return
        load(keptInside(map, offset))
        gliding = true
      }

      function loadAtEnd() {
        gliding = false
        load()
      }

      load()
      map.on('dragstart', startDrag)
      map.on('drag', recordDrag)
      map.on('dragend', loadGlideEnd)
      map.on('move', loadWhileMoving)
      map.on('moveend', loadAtEnd)
      return function stopFetchingClusters() {
        map.off('dragstart', startDrag)
        map.off('drag', recordDrag)
        map.off('dragend', loadGlideEnd)
        map.off('move', loadWhileMoving)
        map.off('moveend', loadAtEnd)
        inFlight?.controller.abort()
      }
    },
    [map, refreshKey, filtersKey, padding, maxAgeMs],
  )

  return state
}
