import type { PublicResults } from '@trygg/domain'
import { requestJson } from '../api/api-client.ts'

/** The path of the public results page. */
export const RESULTS_PATH = '/resultat'
/** The Atom feed of completed actions. */
export const RESULTS_FEED = '/api/results/feed.atom'

export function fetchResults(signal?: AbortSignal): Promise<PublicResults> {
  return requestJson<PublicResults>('/api/results', { signal })
}
