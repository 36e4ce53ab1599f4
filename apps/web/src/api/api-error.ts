import type { ErrorBody } from '@trygg/domain'
import type { Lang } from '../i18n/messages.ts'

/**
 * A failed API call. `status` is 0 when the server could not be reached;
 * `body` is the API's error JSON when it sent one.
 */
export class ApiError extends Error {
  readonly status: number
  readonly body: ErrorBody | null

  constructor(status: number, body: ErrorBody | null, message?: string) {
    super(message ?? body?.message ?? `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.body = body
  }

  get code(): string | undefined {
    return this.body?.code
  }
}

/** True for errors thrown because a request was aborted on purpose. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

/**
 * The server's own message in `lang` when it sent one (Swedish falls back to English),
 * otherwise `fallback`.
 */
export function apiErrorMessage(error: unknown, lang: Lang, fallback: { network: string; other: string }): string {
  if (!(error instanceof ApiError)) return fallback.other
  if (error.status === 0) return fallback.network
  const body = error.body
  if (!body || error.status >= 500) return fallback.other
  return (lang === 'sv' ? body.messageSv : undefined) ?? body.message ?? fallback.other
}
