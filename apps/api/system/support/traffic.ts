import { INSIDE, TEST_BOUNDARY } from '../../test/fixtures.ts'

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

const ZOOMS = [11, 12, 13, 14, 15, 16, 17]
const ring = TEST_BOUNDARY.coordinates[0]! as [number, number][]

/**
 * The bbox a phone (400 × 800 CSS pixels) shows at a zoom, centred somewhere in the test
 * municipality: what the map asks for as a resident pans and zooms.
 */
export function phoneViewport(zoom: number, random: () => number): string {
  const [minLon, minLat] = ring[0]!
  const [maxLon, maxLat] = ring[2]!
  const lon = minLon + (maxLon - minLon) * random()
  const lat = minLat + (maxLat - minLat) * random()
  const width = (400 / 256) * (360 / 2 ** zoom)
  const height = (800 / 256) * (360 / 2 ** zoom) * Math.cos((lat * Math.PI) / 180)
  const f = (v: number) => v.toFixed(6)
  return [f(lon - width / 2), f(lat - height / 2), f(lon + width / 2), f(lat + height / 2)].join(',')
}

/** The request of a kind: a cluster read of a phone's viewport, a pin read among `pinIds`, or a new pin. */
export function request(base: string, kind: Sample['kind'], random: () => number, pinIds: number[]): [string, RequestInit] {
  if (kind === 'clusters') {
    const zoom = ZOOMS[Math.floor(random() * ZOOMS.length)]!
    return [`${base}/api/pins/clusters?bbox=${phoneViewport(zoom, random)}&zoom=${zoom}`, {}]
  }
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
