import { INSIDE, TEST_BBOX } from '../../test/fixtures.ts'

/** One request of generated traffic and how it went. */
export interface Sample {
  kind: 'clusters' | 'pin' | 'write'
  startedAt: number
  ms: number
  /** HTTP status, or 0 when no answer came (connection error or client timeout). */
  status: number
  code?: string
  error?: string
}

const ZOOMS = [10, 11, 12, 13, 14, 15, 16]

/** The request of a kind: a cluster read at a random zoom, a pin read among `pinIds`, or a new pin. */
export function request(base: string, kind: Sample['kind'], random: () => number, pinIds: number[]): [string, RequestInit] {
  if (kind === 'clusters') return [`${base}/api/pins/clusters?bbox=${TEST_BBOX}&zoom=${ZOOMS[Math.floor(random() * ZOOMS.length)]}`, {}]
  if (kind === 'pin') return [`${base}/api/pins/${pinIds[Math.floor(random() * pinIds.length)] ?? 1}`, {}]
  const body = {
    lat: INSIDE.lat + (random() - 0.5) * 0.08,
    lon: INSIDE.lon + (random() - 0.5) * 0.16,
    category: 'lighting',
    severity: 1 + Math.floor(random() * 5),
    timesOfDay: ['night'],
  }
  return [`${base}/api/pins`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }]
}

/** Sends one request with a client-side timeout and records the outcome; never throws. */
export async function send(url: string, init: RequestInit, kind: Sample['kind'], timeoutMs: number, onPin?: (id: number) => void): Promise<Sample> {
  const startedAt = performance.now()
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
    const text = await res.text()
    const sample: Sample = { kind, startedAt, ms: performance.now() - startedAt, status: res.status }
    if (res.status >= 400) sample.code = (JSON.parse(text) as { code?: string }).code ?? 'NO_CODE'
    else if (kind === 'write' && onPin) onPin((JSON.parse(text) as { id: number }).id)
    return sample
  } catch (error) {
    return { kind, startedAt, ms: performance.now() - startedAt, status: 0, error: (error as Error).name + ': ' + (error as Error).message }
  }
}

/** The q-quantile (0..1) of the values, nearest-rank. */
export function quantile(values: number[], q: number): number {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}
