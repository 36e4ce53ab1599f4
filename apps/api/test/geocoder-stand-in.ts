import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface StandInPlace {
  display_name: string
  lat: string
  lon: string
  type: string
}

/** Places in and around Kävlinge municipality (the demo) and the test square (13.0–13.2, 55.75–55.85). */
export const STAND_IN_PLACES: StandInPlace[] = [
  { display_name: 'Storgatan 1, Kävlinge, Kävlinge kommun, Skåne län, Sverige', lat: '55.79370', lon: '13.11020', type: 'house' },
  { display_name: 'Storgatan, Löddeköpinge, Kävlinge kommun, Skåne län, Sverige', lat: '55.76700', lon: '13.01500', type: 'residential' },
  { display_name: 'Storgatan, Lund, Lunds kommun, Skåne län, Sverige', lat: '55.70400', lon: '13.19300', type: 'residential' },
  { display_name: 'Kävlinge station, Kävlinge, Kävlinge kommun, Skåne län, Sverige', lat: '55.79330', lon: '13.11190', type: 'station' },
]

export interface GeocoderStandIn {
  url: string
  /** Every request received: its URL and User-Agent. */
  requests: { url: URL; userAgent: string | undefined }[]
  /** Makes the next answers fail with this status (0: answer normally). */
  failWith(status: number): void
  close(): Promise<void>
}

/**
 * A local Nominatim stand-in: `/search?q=&format=jsonv2&viewbox=&bounded=1` answers the places
 * whose name contains every word of q, within the viewbox when bounded — as Nominatim does.
 */
export async function startGeocoderStandIn(places: StandInPlace[] = STAND_IN_PLACES): Promise<GeocoderStandIn> {
  const requests: GeocoderStandIn['requests'] = []
  let failure = 0
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in')
    requests.push({ url, userAgent: req.headers['user-agent'] })
    if (failure) {
      res.writeHead(failure, { 'content-type': 'text/plain' }).end('failure')
      return
    }
    if (url.pathname !== '/search' || url.searchParams.get('format') !== 'jsonv2') {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad request"}')
      return
    }
    const words = (url.searchParams.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean)
    const [left, top, right, bottom] = (url.searchParams.get('viewbox') ?? '').split(',').map(Number)
    const bounded = url.searchParams.get('bounded') === '1'
    const found = places.filter((p) => {
      const name = p.display_name.toLowerCase()
      if (!words.every((w) => name.includes(w))) return false
      if (!bounded) return true
      const lat = Number(p.lat)
      const lon = Number(p.lon)
      return lon >= Math.min(left!, right!) && lon <= Math.max(left!, right!) && lat >= Math.min(top!, bottom!) && lat <= Math.max(top!, bottom!)
    })
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(found.slice(0, Number(url.searchParams.get('limit') ?? 10))))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failWith: (status) => (failure = status),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
