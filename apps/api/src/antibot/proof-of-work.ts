import crypto from 'node:crypto'
import { createChallenge, verifySolution } from 'altcha-lib/v1'
import type { AltchaChallenge } from '@trygg/domain'

/** Options of the proof-of-work; each has one default. */
export const POW_DEFAULTS = {
  maxNumber: 50_000, // SHA-256 rounds at most; about a second on a phone, on average half that
  ttlMs: 10 * 60_000, // a challenge must be solved and used within ten minutes
}

/** A new signed ALTCHA (v1) challenge that expires `ttlMs` after `now`. */
export function newChallenge(hmacKey: string, now: Date, options: Partial<typeof POW_DEFAULTS> = {}): Promise<AltchaChallenge> {
  const o = { ...POW_DEFAULTS, ...options }
  return createChallenge({ hmacKey, maxNumber: o.maxNumber, expires: new Date(now.getTime() + o.ttlMs) }) as Promise<AltchaChallenge>
}

export type ProofCheck = { ok: true; signatureHash: Buffer; expiresAt: Date } | { ok: false; reason: 'malformed' | 'invalid' }

/**
 * Checks a solved challenge (the base64 JSON payload the client sends in `altcha`): signed with
 * our key, not expired, and solved. The hash of its signature identifies it for single use.
 */
export async function checkProof(payload: string, hmacKey: string): Promise<ProofCheck> {
  let parsed: { signature?: unknown; salt?: unknown }
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'))
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (typeof parsed?.signature !== 'string' || typeof parsed.salt !== 'string') return { ok: false, reason: 'malformed' }
  const expires = Number(new URLSearchParams(parsed.salt.split('?')[1] ?? '').get('expires'))
  if (!Number.isInteger(expires) || expires <= 0) return { ok: false, reason: 'malformed' }
  let verified = false
  try {
    verified = await verifySolution(payload, hmacKey, true)
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (!verified) return { ok: false, reason: 'invalid' }
  return { ok: true, signatureHash: crypto.createHash('sha256').update(parsed.signature).digest(), expiresAt: new Date(expires * 1000) }
}
