import type { AdminCategory, BackgroundQuestions, BoundaryResult, BoundaryUpload, CampaignChange, CategoryChange, NewCampaign, NewCategory, StaffCampaign } from '@trygg/domain'
import { requestJson } from '../../api/api-client.ts'

/** A state-changing request with a JSON body and the session's CSRF token. */
function send<T>(method: 'POST' | 'PATCH' | 'PUT', path: string, csrfToken: string, body: unknown): Promise<T> {
  return requestJson<T>(path, {
    method,
    headers: { 'Content-Type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  })
}

export async function fetchCampaigns(signal?: AbortSignal): Promise<StaffCampaign[]> {
  return (await requestJson<{ campaigns: StaffCampaign[] }>('/api/staff/campaigns', { signal, cache: 'no-store' })).campaigns
}

export function createCampaign(csrfToken: string, campaign: NewCampaign): Promise<StaffCampaign> {
  return send<StaffCampaign>('POST', '/api/staff/campaigns', csrfToken, campaign)
}

export function changeCampaign(csrfToken: string, id: number, change: CampaignChange): Promise<StaffCampaign> {
  return send<StaffCampaign>('PATCH', `/api/staff/campaigns/${encodeURIComponent(id)}`, csrfToken, change)
}

export async function fetchCategories(signal?: AbortSignal): Promise<AdminCategory[]> {
  return (await requestJson<{ categories: AdminCategory[] }>('/api/staff/categories', { signal, cache: 'no-store' })).categories
}

export function createCategory(csrfToken: string, category: NewCategory): Promise<AdminCategory> {
  return send<AdminCategory>('POST', '/api/staff/categories', csrfToken, category)
}

export function changeCategory(csrfToken: string, id: number, change: CategoryChange): Promise<AdminCategory> {
  return send<AdminCategory>('PATCH', `/api/staff/categories/${encodeURIComponent(id)}`, csrfToken, change)
}

export function fetchBackgroundQuestions(signal?: AbortSignal): Promise<BackgroundQuestions> {
  return requestJson<BackgroundQuestions>('/api/background-questions', { signal, cache: 'no-store' })
}

export function setBackgroundQuestions(csrfToken: string, enabled: boolean): Promise<BackgroundQuestions> {
  return send<BackgroundQuestions>('PUT', '/api/staff/settings/background-questions', csrfToken, { enabled })
}

export function replaceBoundary(csrfToken: string, boundary: BoundaryUpload): Promise<BoundaryResult> {
  return send<BoundaryResult>('PUT', '/api/staff/municipality/boundary', csrfToken, boundary)
}
