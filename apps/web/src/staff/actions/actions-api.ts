import type { ActionItem, ActionItemDetail, ActionItemPatch, ActionOptions, ActionOptionsChange, NewActionItem } from '@trygg/domain'
import { requestJson } from '../../api/api-client.ts'

export function fetchActionOptions(signal?: AbortSignal): Promise<ActionOptions> {
  return requestJson<ActionOptions>('/api/staff/actions/options', { signal, cache: 'no-store' })
}

export async function fetchActionItems(signal?: AbortSignal): Promise<ActionItem[]> {
  return (await requestJson<{ items: ActionItem[] }>('/api/staff/actions', { signal, cache: 'no-store' })).items
}

export function fetchActionItem(id: number, signal?: AbortSignal): Promise<ActionItemDetail> {
  return requestJson<ActionItemDetail>(`/api/staff/actions/${encodeURIComponent(id)}`, { signal, cache: 'no-store' })
}

/** The CSV or GeoJSON export of the items with these filters (a download link). */
export function actionExportUrl(format: 'csv' | 'geojson', filters: { status?: string; focusArea?: string }): string {
  const params = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])))
  const query = params.toString()
  return `/api/staff/actions/export.${format}${query ? `?${query}` : ''}`
}

const send = <T,>(method: 'POST' | 'PATCH' | 'PUT', path: string, csrfToken: string, body: unknown) =>
  requestJson<T>(path, { method, headers: { 'Content-Type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify(body) })

export function createActionItem(csrfToken: string, item: NewActionItem): Promise<ActionItem> {
  return send<ActionItem>('POST', '/api/staff/actions', csrfToken, item)
}

export function updateActionItem(csrfToken: string, id: number, patch: ActionItemPatch): Promise<ActionItem> {
  return send<ActionItem>('PATCH', `/api/staff/actions/${encodeURIComponent(id)}`, csrfToken, patch)
}

export function saveActionOptions(csrfToken: string, change: ActionOptionsChange): Promise<ActionOptions> {
  return send<ActionOptions>('PUT', '/api/staff/actions/options', csrfToken, change)
}
