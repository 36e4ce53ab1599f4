import type { ChallengeResponse } from '@trygg/domain'
import { requestJson } from '../api/api-client.ts'
import { ApiError } from '../api/api-error.ts'

/**
 * Fetches a challenge from `GET /api/challenge` and solves it (SHA-256 rounds, about a second
 * at most); the answer is the `altcha` field of one resident write, or undefined when the
 * server has anti-bot turned off. Each write needs a new one.
 */
export async function proofOfWork(signal?: AbortSignal): Promise<string | undefined> {
  const c = await requestJson<ChallengeResponse>('/api/challenge', { signal, cache: 'no-store' })
  if (!c.enabled) return undefined
  // The solver is loaded with the first write: the map's first view does not need it.
  const { solveChallenge } = await import('altcha-lib/v1')
  const { promise, controller } = solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber)
  signal?.addEventListener('abort', () => controller.abort())
  const solution = await promise
  if (!solution) throw new ApiError(0, null, 'The proof-of-work could not be solved')
  return btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: solution.number, salt: c.salt, signature: c.signature }))
}
