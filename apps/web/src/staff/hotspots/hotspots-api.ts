import type { ErrorBody, HeatResult, HotspotOptions, HotspotResult } from '@trygg/domain'
import { ApiError, isAbortError } from '../../api/api-error.ts'

/** Where the staff hotspot routes live. */
export const HOTSPOTS_PATH = '/api/staff/hotspots'

/** The file of the pins the map's filters select (`format=csv|geojson` and the filters). */
export const EXPORT_PATH = '/api/staff/pins/export'

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value
}

/** GETs JSON with the staff session cookie; throws `ApiError` (status 0 when unreachable). */
async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response
  try {
    response = await fetch(url, { signal, credentials: 'same-origin', headers: { Accept: 'application/json' } })
  } catch (error) {
    if (isAbortError(error)) throw error
    throw new ApiError(0, null, 'Network error')
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) throw new ApiError(response.status, isErrorBody(body) ? body : null)
  return body as T
}

export const fetchHotspots = (query: string, signal?: AbortSignal) => getJson<HotspotResult>(`${HOTSPOTS_PATH}?${query}`, signal)
export const fetchHeat = (query: string, signal?: AbortSignal) => getJson<HeatResult>(`${HOTSPOTS_PATH}/heat?${query}`, signal)
export const fetchHotspotOptions = (signal?: AbortSignal) => getJson<HotspotOptions>(`${HOTSPOTS_PATH}/options`, signal)
