import { getJson } from './http.ts'
import { p95 } from './report.ts'
import { bboxParam, viewportBbox, viewportCentres } from './viewports.ts'

export const ZOOMS = Array.from({ length: 16 }, (_, i) => i + 3) // 3 … 18

interface Clusters {
  features: { properties: { count: number } }[]
}

/**
 * Times `perZoom` random 1280×800 viewports at each zoom through `GET /api/pins/clusters`,
 * one request at a time over a kept-alive connection, after a short warm-up. Returns the p95
 * in ms per zoom and every time measured.
 */
export async function clusterP95ByZoom(baseUrl: string, perZoom: number, seed = 7): Promise<{ byZoom: Record<string, number>; all: number[] }> {
  const centres = viewportCentres(perZoom, seed)
  for (const c of centres.slice(0, 20)) await getJson<Clusters>(clustersUrl(baseUrl, c, 10))
  const byZoom: Record<string, number> = {}
  const all: number[] = []
  for (const zoom of ZOOMS) {
    const times: number[] = []
    for (const c of centres) times.push((await getJson<Clusters>(clustersUrl(baseUrl, c, zoom))).ms)
    byZoom[zoom] = p95(times)
    all.push(...times)
  }
  return { byZoom, all }
}

export function clustersUrl(baseUrl: string, centre: readonly number[], zoom: number): string {
  return `${baseUrl}/api/pins/clusters?zoom=${zoom}&bbox=${bboxParam(viewportBbox(centre, zoom))}`
}

/** Pins counted by the clusters of a bbox at a zoom. */
export async function countAt(baseUrl: string, bbox: string, zoom: number): Promise<number> {
  const { value } = await getJson<Clusters>(`${baseUrl}/api/pins/clusters?zoom=${zoom}&bbox=${bbox}`)
  return value.features.reduce((n, f) => n + f.properties.count, 0)
}
