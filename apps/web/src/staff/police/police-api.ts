import type { ActionEffect, Control, ControlEffect, ControlList, GiStarResult, NewControl, NewSnapshot, Snapshot, SnapshotList, TrafficAreasResult } from '@trygg/domain'
import { requestJson } from '../../api/api-client.ts'

/** Where the police routes live. */
export const POLICE_API = '/api/police'

const get = <T>(path: string, signal?: AbortSignal) => requestJson<T>(path, { signal, cache: 'no-store', credentials: 'same-origin' })

function post<T>(path: string, csrfToken: string, body: unknown): Promise<T> {
  return requestJson<T>(path, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify(body) })
}

export const fetchAreas = (_key: string, signal: AbortSignal) => get<TrafficAreasResult>(`${POLICE_API}/areas`, signal)
export const fetchControls = async (_key: string, signal: AbortSignal) => (await get<ControlList>(`${POLICE_API}/controls`, signal)).controls
export const fetchSnapshots = async (_key: string, signal: AbortSignal) => (await get<SnapshotList>(`${POLICE_API}/snapshots`, signal)).snapshots
/** `key` is the snapshot id. */
export const fetchSnapshot = (key: string, signal: AbortSignal) => get<Snapshot>(`${POLICE_API}/snapshots/${encodeURIComponent(key)}`, signal)
/** `key` is `<controls|actions>:<id>:<weeks>`; weeks empty for the server's default. */
export const fetchEffect = (key: string, signal: AbortSignal) => {
  const [kind, id, weeks] = key.split(':')
  return get<ControlEffect | ActionEffect>(`${POLICE_API}/${kind === 'actions' ? 'actions' : 'controls'}/${encodeURIComponent(id!)}/effect${weeks ? `?weeks=${encodeURIComponent(weeks)}` : ''}`, signal)
}
/** Gi* cells of the traffic group; `key` is the comma-separated traffic category keys. */
export const fetchTrafficGiStar = (key: string, signal: AbortSignal) =>
  get<GiStarResult>(`/api/staff/hotspots?method=gistar&category=${encodeURIComponent(key)}`, signal)

export const createControl = (csrfToken: string, control: NewControl) => post<Control>(`${POLICE_API}/controls`, csrfToken, control)
export const createSnapshot = (csrfToken: string, snapshot: NewSnapshot) => post<Snapshot>(`${POLICE_API}/snapshots`, csrfToken, snapshot)
export const exportUrl = (id: number, format: 'geojson' | 'csv') => `${POLICE_API}/snapshots/${id}/export.${format}`
export const deleteControl = (csrfToken: string, id: number) =>
  requestJson<null>(`${POLICE_API}/controls/${encodeURIComponent(id)}`, { method: 'DELETE', credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken } })
