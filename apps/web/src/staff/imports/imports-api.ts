import type { HotspotOptions, ImportBatch, ImportBatchResult, ImportStarted, NewImport } from '@trygg/domain'
import { requestJson } from '../../api/api-client.ts'

const post = <T>(path: string, csrfToken: string, body: unknown) =>
  requestJson<T>(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify(body) })

export const startImport = (csrfToken: string, body: NewImport) => post<ImportStarted>('/api/staff/imports', csrfToken, body)

export const sendImportBatch = (csrfToken: string, id: number, batch: ImportBatch) =>
  post<ImportBatchResult>(`/api/staff/imports/${encodeURIComponent(id)}/rows`, csrfToken, batch)

/** The municipality's campaigns (newest first) and categories: the hotspot filters' options. */
export const fetchImportOptions = (signal?: AbortSignal) => requestJson<HotspotOptions>('/api/staff/hotspots/options', { signal, cache: 'no-store' })
