import type { AgreeResult, NearbyPins } from '@trygg/domain'
import { requestJson } from '../api/api-client.ts'
import { proofOfWork } from './proof-of-work.ts'

/** Pins of `category` near the place, for "someone has already marked here". */
export function fetchNearby(place: readonly [number, number], category: string, signal?: AbortSignal): Promise<NearbyPins> {
  const params = new URLSearchParams({ lat: place[0].toFixed(6), lon: place[1].toFixed(6), category })
  return requestJson<NearbyPins>(`/api/pins/nearby?${params}`, { signal })
}

/** Agrees with a pin; the device cookie makes a second agreement count nothing. */
export async function agreeWithPin(id: number): Promise<AgreeResult> {
  const altcha = await proofOfWork()
  return requestJson<AgreeResult>(`/api/pins/${encodeURIComponent(id)}/agree`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(altcha ? { altcha } : {}),
  })
}
