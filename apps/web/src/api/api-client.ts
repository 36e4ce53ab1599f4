import type { AppConfig, ClusterCollection, ErrorBody, NewPin, PinCreated, PublicPin } from '@trygg/domain'
import { ApiError, isAbortError } from './api-error.ts'
import { apiUrl } from './site-base.ts'

/** Filters of the cluster query besides the map view; all optional. */
export interface ClusterFilters {
  categories?: readonly string[]
  campaign?: number
  from?: string
  to?: string
  timesOfDay?: readonly string[]
}

export interface ClusterRequest extends ClusterFilters {
  /** [minLon, minLat, maxLon, maxLat] in WGS84 */
  bbox: readonly [number, number, number, number]
  /** integer zoom 0..20 */
  zoom: number
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value
}

/**
 * Fetches JSON from the API, `/api/…` under the page's site prefix (see `apiUrl`). Throws `ApiError` (status 0 when unreachable) and
 * rethrows aborts as they are, so callers can ignore them with `isAbortError`.
 */
export async function requestJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(apiUrl(path), { ...init, headers: { Accept: 'application/json', ...init.headers } })
  } catch (error) {
    if (isAbortError(error)) throw error
    throw new ApiError(0, null, 'Network error')
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) throw new ApiError(response.status, isErrorBody(body) ? body : null)
  return body as T
}

export function fetchConfig(signal?: AbortSignal): Promise<AppConfig> {
  return requestJson<AppConfig>('/api/config', { signal })
}

/** The query string of a cluster request, e.g. `bbox=12.9,55.7,13.2,55.9&zoom=12&category=speeding,moped`. */
export function clusterQueryString(request: ClusterRequest): string {
  const params = new URLSearchParams()
  params.set('bbox', request.bbox.map((n) => n.toFixed(6)).join(','))
  params.set('zoom', String(request.zoom))
  if (request.categories?.length) params.set('category', request.categories.join(','))
  if (request.campaign !== undefined) params.set('campaign', String(request.campaign))
  if (request.from) params.set('from', request.from)
  if (request.to) params.set('to', request.to)
  if (request.timesOfDay?.length) params.set('timeOfDay', request.timesOfDay.join(','))
  return params.toString()
}

export function fetchClusters(request: ClusterRequest, signal?: AbortSignal): Promise<ClusterCollection> {
  return requestJson<ClusterCollection>(`/api/pins/clusters?${clusterQueryString(request)}`, { signal })
}

export function fetchPin(id: number, signal?: AbortSignal): Promise<PublicPin> {
  return requestJson<PublicPin>(`/api/pins/${encodeURIComponent(id)}`, { signal })
}

export function createPin(pin: NewPin, signal?: AbortSignal): Promise<PinCreated> {
  return requestJson<PinCreated>('/api/pins', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(pin),
    signal,
  })
}
