import type { DbscanResult, FollowUpReport, YearlyIndicator, YearlyIndicatorChange } from '@trygg/domain'
import { requestJson } from '../../api/api-client.ts'

export function fetchFollowUp(year: number, signal?: AbortSignal): Promise<FollowUpReport> {
  return requestJson<FollowUpReport>(`/api/staff/follow-up?year=${encodeURIComponent(year)}`, { signal, cache: 'no-store' })
}

/** The DBSCAN hotspots of one campaign with the map's default parameters. */
export function fetchCampaignHotspots(campaignId: number, signal?: AbortSignal): Promise<DbscanResult> {
  return requestJson<DbscanResult>(`/api/staff/hotspots?method=dbscan&campaign=${encodeURIComponent(campaignId)}`, { signal, cache: 'no-store' })
}

export function saveIndicators(csrfToken: string, year: number, v: YearlyIndicatorChange): Promise<YearlyIndicator> {
  return requestJson<YearlyIndicator>(`/api/staff/indicators/${encodeURIComponent(year)}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(v),
  })
}
