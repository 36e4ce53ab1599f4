/** One place found by a Nominatim-compatible geocoder, as it answers with `format=jsonv2`. */
export interface GeocoderPlace {
  display_name: string
  lat: string
  lon: string
  category?: string
  type?: string
}

export const geocoderDefaults = {
  minIntervalMs: 1000, // the public Nominatim allows one request a second per application
  timeoutMs: 5000, // an answer later than this counts as a failure
  cacheSize: 500, // answers kept, least recently used dropped first
  cacheMs: 24 * 60 * 60 * 1000, // how long an answer is reused
  limit: 8, // places asked for per search
}

export interface GeocoderOptions extends Partial<typeof geocoderDefaults> {
  /** Base URL of the service, e.g. `https://nominatim.openstreetmap.org`; `/search` is appended. */
  baseUrl: string
  /** Identifies this installation, as the Nominatim usage policy requires. */
  userAgent: string
}

export interface GeocoderSearch {
  q: string
  /** [minLon, minLat, maxLon, maxLat]: only places within it are asked for (`viewbox` with `bounded=1`). */
  bbox: readonly [number, number, number, number]
  /** Preferred language of the names, e.g. `sv`. */
  language: string
  /** ISO 3166-1 alpha-2 codes the search is limited to, e.g. `se`; empty for no limit. */
  countryCodes?: readonly string[]
}

export class GeocoderError extends Error {}

/**
 * A client of a Nominatim-compatible `/search` endpoint that keeps to the public service's
 * usage policy: its own User-Agent, at most one request per `minIntervalMs` (later callers
 * wait their turn), and answers cached so a repeated search is not sent again.
 *
 * @example
 * const geocoder = new Geocoder({ baseUrl: 'https://nominatim.openstreetmap.org', userAgent: 'Trygg (kavlinge.se)' })
 * await geocoder.search({ q: 'Storgatan 1', bbox: [12.9, 55.7, 13.2, 55.9], language: 'sv' })
 */
export class Geocoder {
  private readonly o: Required<GeocoderOptions>
  private readonly cache = new Map<string, { at: number; places: GeocoderPlace[] }>()
  private queue: Promise<unknown> = Promise.resolve()
  private lastSent = 0

  constructor(options: GeocoderOptions) {
    this.o = { ...geocoderDefaults, ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') }
  }

  /** The URL a search is sent to. */
  url(s: GeocoderSearch): string {
    const [minLon, minLat, maxLon, maxLat] = s.bbox
    const params = new URLSearchParams({
      q: s.q,
      format: 'jsonv2',
      limit: String(this.o.limit),
      viewbox: `${minLon},${maxLat},${maxLon},${minLat}`,
      bounded: '1',
      'accept-language': s.language,
    })
    if (s.countryCodes?.length) params.set('countrycodes', s.countryCodes.join(','))
    return `${this.o.baseUrl}/search?${params}`
  }

  /** The places the service finds; throws GeocoderError when it cannot be reached or answers badly. */
  async search(s: GeocoderSearch): Promise<GeocoderPlace[]> {
    const url = this.url(s)
    const hit = this.cache.get(url)
    if (hit && Date.now() - hit.at < this.o.cacheMs) {
      this.cache.delete(url)
      this.cache.set(url, hit)
      return hit.places
    }
    const places = await this.inTurn(() => this.fetchPlaces(url))
    this.cache.set(url, { at: Date.now(), places })
    if (this.cache.size > this.o.cacheSize) this.cache.delete(this.cache.keys().next().value!)
    return places
  }

  private inTurn<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      const wait = this.lastSent + this.o.minIntervalMs - Date.now()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      this.lastSent = Date.now()
      return task()
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  private async fetchPlaces(url: string): Promise<GeocoderPlace[]> {
    let response: Response
    try {
      response = await fetch(url, { headers: { 'User-Agent': this.o.userAgent, Accept: 'application/json' }, signal: AbortSignal.timeout(this.o.timeoutMs) })
    } catch (error) {
      throw new GeocoderError(`The geocoder could not be reached: ${(error as Error).message}`)
    }
    if (!response.ok) throw new GeocoderError(`The geocoder answered ${response.status}`)
    const body: unknown = await response.json().catch(() => null)
    if (!Array.isArray(body)) throw new GeocoderError('The geocoder answered something other than a list of places')
    return body.filter(
      (p): p is GeocoderPlace =>
        typeof p === 'object' && p !== null && typeof p.display_name === 'string' && Number.isFinite(Number(p.lat)) && Number.isFinite(Number(p.lon)),
    )
  }
}
