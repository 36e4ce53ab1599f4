import type { FollowedPin } from '@trygg/domain'
import { requestJson } from '../api/api-client.ts'
import { ApiError } from '../api/api-error.ts'
import { apiUrl } from '../api/site-base.ts'

export function fetchFollowed(token: string, signal?: AbortSignal): Promise<FollowedPin> {
  return requestJson<FollowedPin>(`/api/follow/${encodeURIComponent(token)}`, { signal, cache: 'no-store' })
}

/** Deletes the pin behind the token (answers 204, no body). */
export async function deleteFollowed(token: string): Promise<void> {
  let response: Response
  try {
    response = await fetch(apiUrl(`/api/follow/${encodeURIComponent(token)}`), { method: 'DELETE', headers: { Accept: 'application/json' } })
  } catch {
    throw new ApiError(0, null, 'Network error')
  }
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null))
}

/** The token of a follow page path `/f/<token>` (without the site prefix), or null for any other path. */
export function followTokenOf(path: string): string | null {
  const match = /^\/f\/([^/]+)\/?$/.exec(path)
  return match ? decodeURIComponent(match[1]!) : null
}
