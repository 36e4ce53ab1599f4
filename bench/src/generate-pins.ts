import { DEFAULT_CATEGORIES } from '@trygg/domain'

/** A generated pin: WGS84 position and the fields a resident gives. */
export interface BenchPin {
  lon: number
  lat: number
  /** Index into DEFAULT_CATEGORIES. */
  category: number
  severity: number
  /** Bit mask of times of day, 1–15. */
  times: number
  /** Index of the town the pin was drawn around; -1 for a pin between towns. */
  town: number
}

/** The area pins are spread over: roughly Sweden's bounding box, WGS84. */
export const SWEDEN_BBOX: [number, number, number, number] = [11.0, 55.3, 24.2, 69.1]

/** Towns pins crowd around, with a weight close to their population in thousands. */
export const TOWNS: readonly { name: string; lon: number; lat: number; weight: number }[] = [
  { name: 'Stockholm', lon: 18.07, lat: 59.33, weight: 1000 },
  { name: 'Göteborg', lon: 11.97, lat: 57.71, weight: 600 },
  { name: 'Malmö', lon: 13.0, lat: 55.6, weight: 350 },
  { name: 'Uppsala', lon: 17.64, lat: 59.86, weight: 180 },
  { name: 'Västerås', lon: 16.55, lat: 59.61, weight: 130 },
  { name: 'Örebro', lon: 15.21, lat: 59.27, weight: 125 },
  { name: 'Linköping', lon: 15.62, lat: 58.41, weight: 115 },
  { name: 'Helsingborg', lon: 12.69, lat: 56.05, weight: 110 },
  { name: 'Jönköping', lon: 14.16, lat: 57.78, weight: 100 },
  { name: 'Norrköping', lon: 16.19, lat: 58.59, weight: 95 },
  { name: 'Lund', lon: 13.19, lat: 55.7, weight: 95 },
  { name: 'Umeå', lon: 20.26, lat: 63.83, weight: 90 },
  { name: 'Gävle', lon: 17.14, lat: 60.67, weight: 80 },
  { name: 'Borås', lon: 12.94, lat: 57.72, weight: 75 },
  { name: 'Södertälje', lon: 17.63, lat: 59.2, weight: 70 },
  { name: 'Eskilstuna', lon: 16.51, lat: 59.37, weight: 70 },
  { name: 'Halmstad', lon: 12.86, lat: 56.67, weight: 70 },
  { name: 'Växjö', lon: 14.81, lat: 56.88, weight: 65 },
  { name: 'Karlstad', lon: 13.5, lat: 59.38, weight: 65 },
  { name: 'Sundsvall', lon: 17.31, lat: 62.39, weight: 60 },
  { name: 'Luleå', lon: 22.15, lat: 65.58, weight: 50 },
  { name: 'Trollhättan', lon: 12.29, lat: 58.28, weight: 50 },
  { name: 'Östersund', lon: 14.64, lat: 63.18, weight: 50 },
  { name: 'Kalmar', lon: 16.36, lat: 56.66, weight: 40 },
  { name: 'Kristianstad', lon: 14.16, lat: 56.03, weight: 40 },
  { name: 'Falun', lon: 15.63, lat: 60.61, weight: 40 },
  { name: 'Skellefteå', lon: 20.95, lat: 64.75, weight: 35 },
  { name: 'Kiruna', lon: 20.23, lat: 67.86, weight: 17 },
  { name: 'Visby', lon: 18.29, lat: 57.64, weight: 25 },
  { name: 'Kävlinge', lon: 13.11, lat: 55.79, weight: 15 },
]

const defaults = {
  seed: 2026, // same seed, same pins
  count: 100_000, // pins to generate
  between: 0.08, // share of pins spread evenly over the area rather than around a town
  spreadKm: 4, // standard deviation of a town's pins at weight 100, km; grows with sqrt(weight)
}

export type GeneratorOptions = Partial<typeof defaults>

/** Mulberry32: a small, fast, seeded 32-bit generator giving floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * N reproducible pins over SWEDEN_BBOX: most drawn from a normal distribution around a town
 * chosen by weight (so the density is high in towns and falls off around them), the rest
 * uniform over the area. Severity leans towards 3, times of day towards evening and night.
 * @example generatePins({ seed: 1, count: 1000 }).length === 1000
 */
export function* pinStream(options: GeneratorOptions = {}): Generator<BenchPin> {
  const o = { ...defaults, ...options }
  const rand = seededRandom(o.seed)
  const total = TOWNS.reduce((s, t) => s + t.weight, 0)
  const cumulative = TOWNS.map(((acc) => (t: { weight: number }) => (acc += t.weight / total))(0))
  const [minLon, minLat, maxLon, maxLat] = SWEDEN_BBOX
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())
  for (let n = 0; n < o.count; n++) {
    let lon: number
    let lat: number
    let town = -1
    if (rand() < o.between) {
      lon = minLon + rand() * (maxLon - minLon)
      lat = minLat + rand() * (maxLat - minLat)
    } else {
      const r = rand()
      town = cumulative.findIndex((c) => r < c)
      if (town < 0) town = TOWNS.length - 1
      const t = TOWNS[town]!
      const sigmaKm = o.spreadKm * Math.sqrt(t.weight / 100)
      lat = t.lat + (gauss() * sigmaKm) / 111.2
      lon = t.lon + (gauss() * sigmaKm) / (111.2 * Math.cos((t.lat * Math.PI) / 180))
      lon = Math.min(maxLon, Math.max(minLon, lon))
      lat = Math.min(maxLat, Math.max(minLat, lat))
    }
    const s = rand()
    yield {
      lon: Math.round(lon * 1e6) / 1e6,
      lat: Math.round(lat * 1e6) / 1e6,
      category: Math.floor(rand() * DEFAULT_CATEGORIES.length),
      severity: s < 0.1 ? 1 : s < 0.3 ? 2 : s < 0.65 ? 3 : s < 0.88 ? 4 : 5,
      times: 1 + Math.floor(rand() * 15),
      town,
    }
  }
}

/** All pins of pinStream as an array. */
export function generatePins(options: GeneratorOptions = {}): BenchPin[] {
  return [...pinStream(options)]
}
