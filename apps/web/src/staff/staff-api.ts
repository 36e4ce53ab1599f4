import type {
  ApiKeyCreated,
  ApiKeyInfo,
  ModerationItem,
  ModerationQueue,
  ModerationState,
  NewStaffAccount,
  PhotoRedaction,
  StaffAccount,
  StaffAccountChange,
  StaffAccountWithPassword,
  StaffSession,
} from '@trygg/domain'
import { requestJson } from '../api/api-client.ts'

/** A state-changing request: JSON body, the session's CSRF token. The browser adds Origin and the cookie. */
function change<T>(method: 'POST' | 'PATCH', path: string, csrfToken: string, body: unknown): Promise<T> {
  return requestJson<T>(path, {
    method,
    headers: { 'Content-Type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  })
}

export function fetchSession(signal?: AbortSignal): Promise<StaffSession> {
  return requestJson<StaffSession>('/api/auth/session', { signal, cache: 'no-store' })
}

export function signIn(email: string, password: string): Promise<StaffSession> {
  return requestJson<StaffSession>('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
}

export async function signOut(csrfToken: string): Promise<void> {
  await requestJson<null>('/api/auth/logout', { method: 'POST', headers: { 'x-csrf-token': csrfToken } })
}

export function fetchModerationQueue(q: { state: ModerationState; limit: number; offset: number }, signal?: AbortSignal): Promise<ModerationQueue> {
  const params = new URLSearchParams({ state: q.state, limit: String(q.limit), offset: String(q.offset) })
  return requestJson<ModerationQueue>(`/api/staff/moderation/queue?${params}`, { signal, cache: 'no-store' })
}

export type CommentDecision = { decision: 'approve' } | { decision: 'reject' } | { decision: 'redact'; text: string; reason: string }

export function decideComment(csrfToken: string, pinId: number, d: CommentDecision): Promise<ModerationItem> {
  const body = d.decision === 'redact' ? { text: d.text, reason: d.reason } : {}
  return change<ModerationItem>('POST', `/api/staff/moderation/comments/${encodeURIComponent(pinId)}/${d.decision}`, csrfToken, body)
}

export type PhotoDecision = { decision: 'approve' } | { decision: 'reject' }

export function decidePhoto(csrfToken: string, pinId: number, d: PhotoDecision): Promise<ModerationItem> {
  return change<ModerationItem>('POST', `/api/staff/moderation/photos/${encodeURIComponent(pinId)}/${d.decision}`, csrfToken, {})
}

export function redactPhoto(csrfToken: string, pinId: number, redaction: PhotoRedaction): Promise<ModerationItem> {
  return change<ModerationItem>('POST', `/api/staff/moderation/photos/${encodeURIComponent(pinId)}/redact`, csrfToken, redaction)
}

export async function fetchAccounts(signal?: AbortSignal): Promise<StaffAccount[]> {
  return (await requestJson<{ accounts: StaffAccount[] }>('/api/staff/accounts', { signal, cache: 'no-store' })).accounts
}

export function createAccount(csrfToken: string, account: NewStaffAccount): Promise<StaffAccountWithPassword> {
  return change<StaffAccountWithPassword>('POST', '/api/staff/accounts', csrfToken, account)
}

export function changeAccount(csrfToken: string, id: number, c: StaffAccountChange): Promise<StaffAccount> {
  return change<StaffAccount>('PATCH', `/api/staff/accounts/${encodeURIComponent(id)}`, csrfToken, c)
}

export function resetPassword(csrfToken: string, id: number): Promise<StaffAccountWithPassword> {
  return change<StaffAccountWithPassword>('POST', `/api/staff/accounts/${encodeURIComponent(id)}/password`, csrfToken, {})
}

export async function fetchApiKeys(signal?: AbortSignal): Promise<ApiKeyInfo[]> {
  return (await requestJson<{ apiKeys: ApiKeyInfo[] }>('/api/staff/api-keys', { signal, cache: 'no-store' })).apiKeys
}

export function createApiKey(csrfToken: string, name: string): Promise<ApiKeyCreated> {
  return change<ApiKeyCreated>('POST', '/api/staff/api-keys', csrfToken, { name })
}

export function revokeApiKey(csrfToken: string, id: number): Promise<ApiKeyInfo> {
  return change<ApiKeyInfo>('POST', `/api/staff/api-keys/${encodeURIComponent(id)}/revoke`, csrfToken, {})
}
