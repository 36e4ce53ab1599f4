/** [minLon, minLat, maxLon, maxLat] in WGS84 */
export type Bbox = readonly [number, number, number, number]

export interface ClusterCacheOptions {
  /** answers kept at most, the least recently used goes first */
  maxEntries?: number
  /** an answer older than this is fetched again, milliseconds */
  maxAgeMs?: number
}

const defaults: Required<ClusterCacheOptions> = {
  maxEntries: 32,
  maxAgeMs: 30_000,
}

/**
 * Recent cluster answers by their query string, so that going back to a view paints at once.
 * Old answers expire, so other people's new pins still appear.
 *
 * @example
 * const cache = new ClusterCache<Feature[]>()
 * cache.set('bbox=…&zoom=8', features, Date.now())
 * cache.get('bbox=…&zoom=8', Date.now()) // features, for 30 s
 */
export class ClusterCache<T> {
  readonly #options: Required<ClusterCacheOptions>
  readonly #entries = new Map<string, { value: T; at: number }>()

  constructor(options: ClusterCacheOptions = {}) {
    this.#options = { ...defaults, ...options }
  }

  get(key: string, now: number): T | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    this.#entries.delete(key)
    if (now - entry.at > this.#options.maxAgeMs) return undefined
    this.#entries.set(key, entry)
    return entry.value
  }

  set(key: string, value: T, now: number): void {
    this.#entries.delete(key)
    this.#entries.set(key, { value, at: now })
    while (this.#entries.size > this.#options.maxEntries) {
      const oldest = this.#entries.keys().next().value
      if (oldest === undefined) break
      this.#entries.delete(oldest)
    }
  }
}
