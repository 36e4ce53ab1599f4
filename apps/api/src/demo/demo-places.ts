import { readFileSync } from 'node:fs'
import type { Feature, MultiPolygon } from 'geojson'

/*
 * Places in Kävlinge kommun that draw demo pins. All coordinates are WGS84 [lon, lat] and
 * approximate (to within a few hundred metres): good enough for a believable demo map, not
 * for anything else.
 */

/** The approximate municipal boundary shipped for the demo (`kavlinge-boundary.geojson`). */
export const KAVLINGE_BOUNDARY: Feature<MultiPolygon, { name: string; note: string }> = JSON.parse(
  readFileSync(new URL('./kavlinge-boundary.geojson', import.meta.url), 'utf8'),
)

export type AnchorKind = 'station' | 'centre' | 'school' | 'park'

/** A point that pins gather around. */
export interface DemoAnchor {
  name: string
  kind: AnchorKind
  position: [lon: number, lat: number]
  /** How many pins it draws relative to other anchors of its kind. */
  weight: number
  /** Standard deviation of the spread around the point, metres. */
  spread: number
}

/** A road that traffic pins are placed along. */
export interface DemoRoad {
  name: string
  /** Streets in a built-up area; parking complaints stay on these. */
  urban: boolean
  /** How many traffic pins it draws relative to other roads. */
  weight: number
  coordinates: [lon: number, lat: number][]
}

/** A footpath that pins about lighting, vegetation and deserted places follow. */
export interface DemoPath {
  name: string
  kind: 'school_route' | 'park_path'
  /** How many pins it draws relative to other paths of its kind. */
  weight: number
  coordinates: [lon: number, lat: number][]
}

export const DEMO_ANCHORS: readonly DemoAnchor[] = [
  { name: 'Kävlinge station', kind: 'station', position: [13.11, 55.794], weight: 5, spread: 90 },
  { name: 'Furulund station', kind: 'station', position: [13.078, 55.771], weight: 2, spread: 80 },
  { name: 'Dösjebro station', kind: 'station', position: [13.03, 55.827], weight: 2, spread: 80 },

  { name: 'Kävlinge centrum', kind: 'centre', position: [13.1065, 55.7925], weight: 5, spread: 140 },
  { name: 'Lödde centrum', kind: 'centre', position: [13.012, 55.768], weight: 4, spread: 140 },
  { name: 'Furulund centrum', kind: 'centre', position: [13.083, 55.772], weight: 2, spread: 110 },
  { name: 'Center Syd', kind: 'centre', position: [13.03, 55.761], weight: 2, spread: 150 },
  { name: 'Barsebäck', kind: 'centre', position: [12.948, 55.755], weight: 1, spread: 120 },
  { name: 'Barsebäckshamn', kind: 'centre', position: [12.904, 55.76], weight: 1, spread: 100 },
  { name: 'Hofterup', kind: 'centre', position: [12.982, 55.808], weight: 1, spread: 130 },
  { name: 'Dösjebro', kind: 'centre', position: [13.031, 55.825], weight: 1, spread: 110 },

  { name: 'Skola, Kävlinge norr', kind: 'school', position: [13.117, 55.799], weight: 2, spread: 100 },
  { name: 'Skola, Kävlinge väster', kind: 'school', position: [13.098, 55.796], weight: 2, spread: 100 },
  { name: 'Skola, Furulund', kind: 'school', position: [13.088, 55.768], weight: 1, spread: 90 },
  { name: 'Skola, Löddeköpinge', kind: 'school', position: [13.005, 55.772], weight: 2, spread: 100 },
  { name: 'Skola, Löddeköpinge öster', kind: 'school', position: [13.022, 55.769], weight: 1, spread: 90 },
  { name: 'Skola, Hofterup', kind: 'school', position: [12.979, 55.806], weight: 1, spread: 80 },
  { name: 'Skola, Dösjebro', kind: 'school', position: [13.034, 55.822], weight: 1, spread: 80 },

  { name: 'Åstaden vid Kävlingeån', kind: 'park', position: [13.098, 55.786], weight: 3, spread: 200 },
  { name: 'Folkets park, Löddeköpinge', kind: 'park', position: [13.016, 55.771], weight: 2, spread: 120 },
  { name: 'Lödde å, Löddeköpinge', kind: 'park', position: [13.01, 55.764], weight: 1, spread: 180 },
  { name: 'Parken i Furulund', kind: 'park', position: [13.08, 55.775], weight: 1, spread: 120 },
  { name: 'Järavallen', kind: 'park', position: [12.925, 55.79], weight: 2, spread: 280 },
]

export const DEMO_ROADS: readonly DemoRoad[] = [
  {
    name: 'Västra Storgatan, Kävlinge',
    urban: true,
    weight: 4,
    coordinates: [[13.095, 55.7915], [13.1, 55.792], [13.1055, 55.7925], [13.11, 55.7928]],
  },
  {
    name: 'Barsebäcksvägen, Kävlinge–Hög–Löddeköpinge',
    urban: false,
    weight: 4,
    coordinates: [[13.1, 55.792], [13.08, 55.783], [13.055, 55.778], [13.035, 55.772], [13.015, 55.768]],
  },
  {
    name: 'Barsebäcksvägen, Löddeköpinge–Barsebäck',
    urban: true,
    weight: 3,
    coordinates: [[13.015, 55.768], [12.99, 55.764], [12.968, 55.758], [12.95, 55.755]],
  },
  {
    name: 'Pinhättevägen, Löddeköpinge–Barsebäckshamn',
    urban: false,
    weight: 2,
    coordinates: [[13.005, 55.77], [12.975, 55.77], [12.945, 55.767], [12.92, 55.763], [12.905, 55.76]],
  },
  {
    name: 'Landskronavägen, Löddeköpinge–Hofterup',
    urban: false,
    weight: 2,
    coordinates: [[13.012, 55.77], [13.0, 55.785], [12.988, 55.8], [12.982, 55.808]],
  },
  {
    name: 'Väg 108 mot Lund',
    urban: false,
    weight: 3,
    coordinates: [[13.112, 55.791], [13.12, 55.778], [13.135, 55.762], [13.155, 55.75]],
  },
  {
    name: 'Vägen Kävlinge–Dösjebro',
    urban: false,
    weight: 2,
    coordinates: [[13.108, 55.797], [13.09, 55.808], [13.065, 55.817], [13.04, 55.824], [13.031, 55.826]],
  },
  {
    name: 'Vägen Furulund–Kävlinge',
    urban: true,
    weight: 2,
    coordinates: [[13.078, 55.771], [13.09, 55.778], [13.1, 55.786], [13.108, 55.792]],
  },
  {
    name: 'Genom Dösjebro',
    urban: true,
    weight: 1,
    coordinates: [[13.022, 55.829], [13.03, 55.826], [13.04, 55.822]],
  },
  {
    name: 'E6',
    urban: false,
    weight: 1,
    coordinates: [[13.062, 55.747], [13.04, 55.76], [13.015, 55.778], [12.99, 55.795], [12.968, 55.812], [12.95, 55.83], [12.945, 55.838]],
  },
]

export const DEMO_PATHS: readonly DemoPath[] = [
  { name: 'Skolväg, Kävlinge norr', kind: 'school_route', weight: 2, coordinates: [[13.11, 55.7945], [13.114, 55.797], [13.117, 55.799]] },
  { name: 'Skolväg, Löddeköpinge', kind: 'school_route', weight: 2, coordinates: [[13.012, 55.766], [13.008, 55.769], [13.005, 55.772]] },
  { name: 'Skolväg, Furulund', kind: 'school_route', weight: 1, coordinates: [[13.08, 55.774], [13.085, 55.77], [13.088, 55.768]] },
  { name: 'Skolväg, Hofterup', kind: 'school_route', weight: 1, coordinates: [[12.986, 55.812], [12.979, 55.806]] },
  { name: 'Åpromenaden längs Kävlingeån', kind: 'park_path', weight: 3, coordinates: [[13.08, 55.776], [13.09, 55.782], [13.1, 55.787], [13.108, 55.789]] },
  { name: 'Gångtunneln vid Kävlinge station', kind: 'park_path', weight: 1, coordinates: [[13.108, 55.7935], [13.112, 55.7945]] },
  { name: 'Stigen längs Lödde å', kind: 'park_path', weight: 2, coordinates: [[13.0, 55.762], [13.02, 55.763], [13.04, 55.757]] },
  { name: 'Stigen genom Järavallen', kind: 'park_path', weight: 2, coordinates: [[12.915, 55.78], [12.925, 55.79], [12.93, 55.8]] },
]
