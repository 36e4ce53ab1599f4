import { along, booleanPointInPolygon, bbox as bboxOf, length, lineString } from '@turf/turf'
import { TIMES_OF_DAY, type TimeOfDay } from '@trygg/domain'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { type RandomGenerator, unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand'
import { type AnchorKind, DEMO_ANCHORS, DEMO_PATHS, DEMO_ROADS, KAVLINGE_BOUNDARY } from './demo-places.ts'

/** One generated mark, shaped like what a resident would have sent, plus when. */
export interface DemoPin {
  lon: number
  lat: number
  /** A key of `DEFAULT_CATEGORIES`. */
  category: string
  /** 1 (a little unsafe) to 5 (very unsafe). */
  severity: number
  /** Non-empty, no duplicates, in the order of `TIMES_OF_DAY`. */
  timesOfDay: TimeOfDay[]
  comment: string | null
  /** The year of the walk the pin belongs to. */
  year: number
  createdAt: Date
}

export interface DemoPinOptions {
  seed: number
  count: number
  years: readonly number[]
  boundary: Feature<Polygon | MultiPolygon>
}

export const DEMO_PIN_DEFAULTS: Readonly<DemoPinOptions> = Object.freeze({
  seed: 2026, // same seed, same pins
  count: 2000, // pins in total, over all years
  years: [2025, 2026], // one walk per year; later years get a little more participation
  boundary: KAVLINGE_BOUNDARY, // every pin falls inside this polygon; it must hold the Kävlinge places
})

/** Where a pin of a category can be: near an anchor kind, along a road or path, or anywhere. */
type Site = AnchorKind | 'road' | 'urban_road' | 'school_route' | 'park_path' | 'anywhere'

interface CategoryProfile {
  /** Relative share of all pins. */
  share: number
  /** Mean severity; the spread around it is about one step. */
  severity: number
  /** Chance that a pin names each time of day. */
  times: Record<TimeOfDay, number>
  /** Relative weights of the sites the category is placed at. */
  sites: Partial<Record<Site, number>>
  /** Short comments a resident might write; they never name people. */
  comments: readonly string[]
}

/** Littering, traffic and vandalism lead, as in earlier walks; evening and night dominate. */
const PROFILES: Readonly<Record<string, CategoryProfile>> = {
  littering: {
    share: 15, severity: 2.5, times: { morning: 0.25, day: 0.45, evening: 0.5, night: 0.3 },
    sites: { station: 3, centre: 3, park: 2, school: 1 },
    comments: ['Mycket skräp runt papperskorgarna, de töms för sällan.', 'Glasflaskor och fimpar överallt efter helgerna.', 'Nedskräpat vid cykelparkeringen.'],
  },
  vandalism: {
    share: 11, severity: 2.8, times: { morning: 0.1, day: 0.2, evening: 0.55, night: 0.6 },
    sites: { station: 3, centre: 2, park: 2, school: 1.5 },
    comments: ['Klotter på väggarna i gångtunneln.', 'Krossade rutor i busskuren.', 'Sönderslagna lampor och bänkar.'],
  },
  lighting: {
    share: 11, severity: 3.2, times: { morning: 0.3, day: 0.02, evening: 0.75, night: 0.65 },
    sites: { park: 2, park_path: 3, school_route: 2, station: 1 },
    comments: ['Lamporna längs gångvägen har varit trasiga i flera veckor.', 'Helt mörkt mellan parkeringen och perrongen.', 'Mörkt på skolvägen på morgonen.'],
  },
  vegetation: {
    share: 6, severity: 2.7, times: { morning: 0.2, day: 0.3, evening: 0.55, night: 0.4 },
    sites: { park: 2, park_path: 3, school_route: 1.5 },
    comments: ['Buskarna är så höga att man inte ser vem som står bakom.', 'Häcken skymmer sikten vid övergångsstället.'],
  },
  deserted: {
    share: 7, severity: 3.3, times: { morning: 0.15, day: 0.1, evening: 0.7, night: 0.7 },
    sites: { park: 1.5, park_path: 2, station: 1, anywhere: 0.5 },
    comments: ['Ingen människa här på kvällen, känns otryggt att gå ensam.', 'Långt till närmaste hus om något händer.'],
  },
  speeding: {
    share: 12, severity: 3.4, times: { morning: 0.4, day: 0.45, evening: 0.45, night: 0.3 },
    sites: { road: 1 },
    comments: ['Bilar kör alldeles för fort här, trots skolan.', 'Nästan ingen håller hastighetsgränsen på den här sträckan.'],
  },
  moped: {
    share: 10, severity: 3.3, times: { morning: 0.05, day: 0.15, evening: 0.8, night: 0.5 },
    sites: { urban_road: 2, road: 1 },
    comments: ['Mopeder som kör på gång- och cykelvägen på kvällarna.', 'Buskörning runt torget nästan varje kväll.'],
  },
  dangerous_traffic: {
    share: 9, severity: 3.6, times: { morning: 0.55, day: 0.45, evening: 0.3, night: 0.15 },
    sites: { road: 1, urban_road: 1 },
    comments: ['Svårt att ta sig över vägen med barn, övergångsställe saknas.', 'Dålig sikt i korsningen, nära olyckor flera gånger.'],
  },
  parking: {
    share: 6, severity: 2.3, times: { morning: 0.5, day: 0.55, evening: 0.25, night: 0.1 },
    sites: { urban_road: 1 },
    comments: ['Bilar parkerar på cykelbanan vid lämning och hämtning.', 'Felparkerade bilar skymmer övergångsstället.'],
  },
  drugs: {
    share: 4, severity: 3.8, times: { morning: 0.02, day: 0.1, evening: 0.6, night: 0.7 },
    sites: { station: 2, centre: 1 },
    comments: ['Misstänkt langning vid cykelparkeringen på kvällarna.', 'Hittat sprutor i buskaget.'],
  },
  disorder: {
    share: 5, severity: 3.7, times: { morning: 0.05, day: 0.15, evening: 0.65, night: 0.6 },
    sites: { station: 2, centre: 2 },
    comments: ['Stökiga gäng vid stationen sent på kvällen.', 'Man får glåpord efter sig när man går förbi.'],
  },
  other: {
    share: 4, severity: 2.8, times: { morning: 0.2, day: 0.35, evening: 0.4, night: 0.3 },
    sites: { centre: 1, school: 1, park: 1, anywhere: 1 },
    comments: ['Saknar fler bänkar och mer folk i rörelse här.', 'Hundägare som inte plockar upp efter sig.'],
  },
}

const COMMENT_SHARE = 0.1
/** Pins along a road or path stay within this many metres of it on each axis. */
const LINE_OFFSET_MAX = 40
const LINE_OFFSET_SD = 12
/** Local hour weights (0–23) for when residents send marks: mostly after work. */
const HOUR_WEIGHTS = [0.2, 0.1, 0, 0, 0, 0.1, 0.5, 2, 2.5, 2, 2, 2, 3, 2, 2, 2, 3, 4, 5, 6, 7, 7, 5, 2]

/**
 * The walk of a year: Monday of ISO week 38 to Sunday of ISO week 41, in Swedish time.
 * Summer time (UTC+2) lasts until the last Sunday of October, always after the walk.
 * `end` is exclusive.
 * @example walkWindow(2025) // 2025-09-15 00:00 to 2025-10-13 00:00, Europe/Stockholm
 */
export function walkWindow(year: number): { start: Date; end: Date } {
  const jan4 = Date.UTC(year, 0, 4)
  const week1Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000
  const start = week1Monday + 37 * 7 * 86_400_000 - 2 * 3_600_000
  return { start: new Date(start), end: new Date(start + 28 * 86_400_000) }
}

/**
 * Generates plausible marks from residents for a demo of the digital trygghetsvandring:
 * denser at stations, centres, schools and parks, traffic along roads, more evening and night
 * than day, about one in ten with a comment. Pure: the same options give the same pins.
 * Pins are sorted by `createdAt`.
 * @example generateDemoPins({ count: 100 }).length // 100
 */
export function generateDemoPins(options: Partial<DemoPinOptions> = {}): DemoPin[] {
  const { seed, count, years, boundary } = { ...DEMO_PIN_DEFAULTS, ...options }
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`)
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`)
  if (years.length === 0 || !years.every(Number.isInteger)) throw new RangeError('years must be a non-empty list of years')

  const random = uniform(xoroshiro128plus(seed))
  const categories = Object.keys(PROFILES)
  const categoryWeights = categories.map((c) => PROFILES[c]!.share)
  const yearWeights = years.map((_, i) => 1 + 0.25 * i)
  const roads = DEMO_ROADS.map((r) => ({ ...r, line: lineString(r.coordinates) }))
  const paths = DEMO_PATHS.map((p) => ({ ...p, line: lineString(p.coordinates) }))
  const [minLon, minLat, maxLon, maxLat] = bboxOf(boundary)

  /** A point offset from `[lon, lat]` by a normal spread of `sd` metres, capped at `max` per axis. */
  const jitter = ([lon, lat]: number[], sd: number, max = Infinity): [number, number] => {
    const dx = Math.max(-max, Math.min(max, normal(random) * sd))
    const dy = Math.max(-max, Math.min(max, normal(random) * sd))
    return [lon! + dx / (111_320 * Math.cos((lat! * Math.PI) / 180)), lat! + dy / 111_320]
  }
  const onLine = (lines: { weight: number; line: ReturnType<typeof lineString> }[]): [number, number] => {
    const { line } = pick(random, lines, lines.map((l) => l.weight))
    const at = along(line, random() * length(line, { units: 'meters' }), { units: 'meters' })
    return jitter(at.geometry.coordinates, LINE_OFFSET_SD, LINE_OFFSET_MAX)
  }
  const place = (site: Site): [number, number] => {
    switch (site) {
      case 'road':
        return onLine(roads)
      case 'urban_road':
        return onLine(roads.filter((r) => r.urban))
      case 'school_route':
      case 'park_path':
        return onLine(paths.filter((p) => p.kind === site))
      case 'anywhere':
        return [minLon + random() * (maxLon - minLon), minLat + random() * (maxLat - minLat)]
      default: {
        const anchors = DEMO_ANCHORS.filter((a) => a.kind === site)
        const anchor = pick(random, anchors, anchors.map((a) => a.weight))
        return jitter(anchor.position, anchor.spread)
      }
    }
  }

  const pins: DemoPin[] = []
  for (let i = 0; i < count; i++) {
    const category = pick(random, categories, categoryWeights)
    const profile = PROFILES[category]!
    const sites = Object.entries(profile.sites) as [Site, number][]
    let position: [number, number] | undefined
    for (let attempt = 0; !position; attempt++) {
      if (attempt === 1000) throw new Error(`no place for ${category} inside the boundary`)
      const site = pick(random, sites.map(([s]) => s), sites.map(([, w]) => w))
      const [lon, lat] = place(site).map((v) => Math.round(v * 1e6) / 1e6) as [number, number]
      if (booleanPointInPolygon([lon, lat], boundary)) position = [lon, lat]
    }
    const year = pick(random, years, yearWeights)
    pins.push({
      lon: position[0],
      lat: position[1],
      category,
      severity: Math.max(1, Math.min(5, Math.round(profile.severity + normal(random)))),
      timesOfDay: timesOfDay(random, profile.times),
      comment: random() < COMMENT_SHARE ? pick(random, profile.comments, profile.comments.map(() => 1)) : null,
      year,
      createdAt: createdAt(random, year),
    })
  }
  return pins.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
}

/** A uniform double in [0, 1) with 53 random bits. */
function uniform(rng: RandomGenerator): () => number {
  return () => (unsafeUniformIntDistribution(0, 2 ** 21 - 1, rng) * 2 ** 32 + unsafeUniformIntDistribution(0, 2 ** 32 - 1, rng)) / 2 ** 53
}

/** A standard normal draw (Box–Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}

function pick<T>(random: () => number, items: readonly T[], weights: readonly number[]): T {
  let r = random() * weights.reduce((a, b) => a + b, 0)
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!
    if (r < 0) return items[i]!
  }
  return items[items.length - 1]!
}

function timesOfDay(random: () => number, chances: Record<TimeOfDay, number>): TimeOfDay[] {
  const chosen = TIMES_OF_DAY.filter((t) => random() < chances[t])
  if (chosen.length > 0) return chosen
  return [pick(random, TIMES_OF_DAY, TIMES_OF_DAY.map((t) => chances[t]))]
}

/** A moment in the walk of `year`, front-loaded to the first days after the launch. */
function createdAt(random: () => number, year: number): Date {
  const { start } = walkWindow(year)
  const day = Math.floor(28 * random() ** 1.3)
  const hour = pick(random, HOUR_WEIGHTS.map((_, h) => h), HOUR_WEIGHTS)
  const seconds = Math.floor(random() * 3600)
  return new Date(start.getTime() + day * 86_400_000 + hour * 3_600_000 + seconds * 1000)
}
