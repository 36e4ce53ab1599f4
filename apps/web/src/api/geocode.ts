import { requestJson } from './api-client.ts'

export interface GeocodeResult {
  label: string
  lat: number
  lon: number
  kind: string | null
}

/** Places in the municipality matching an address, through the server's geocoder proxy. */
export function geocode(q: string, lang: 'sv' | 'en', signal?: AbortSignal): Promise<{ results: GeocodeResult[]; attribution: string }> {
  return requestJson(`/api/geocode?${new URLSearchParams({ q, lang })}`, { signal })
}
