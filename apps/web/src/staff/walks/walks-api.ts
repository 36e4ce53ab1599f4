import type { NewWalk, StaffWalk, WalkProtocol } from '@trygg/domain'
import { requestJson } from '../../api/api-client.ts'

export async function fetchWalks(signal?: AbortSignal): Promise<StaffWalk[]> {
  return (await requestJson<{ walks: StaffWalk[] }>('/api/staff/walks', { signal })).walks
}

export function createWalk(csrfToken: string, walk: NewWalk): Promise<StaffWalk> {
  return requestJson<StaffWalk>('/api/staff/walks', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(walk),
  })
}

export function fetchProtocol(id: number, signal?: AbortSignal): Promise<WalkProtocol> {
  return requestJson<WalkProtocol>(`/api/staff/walks/${id}/protocol`, { signal })
}

/** The link the walk leader opens. */
export const walkLink = (path: string) => `${window.location.origin}${path}`
