import Type from 'typebox'
import { PublicCampaign } from './config.ts'
import { PolygonGeometry } from './geojson.ts'
import { HOTSPOT_LIMITS } from './hotspot-limits.ts'
import { PinStatus, TimeOfDaySchema } from './pins.ts'

const TIME_OF_DAY_LIST = '^(morning|day|evening|night)(,(morning|day|evening|night))*$'

/** Filters shared by every hotspot route; all optional, combined with AND. */
const filterProperties = {
  campaign: Type.Optional(
    Type.String({ pattern: '^[1-9][0-9]{0,9}(,[1-9][0-9]{0,9})*$', description: 'Comma-separated campaign ids', examples: ['3', '2,3'] }),
  ),
  category: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]*(,[a-z][a-z0-9_]*)*$', description: 'Comma-separated category keys', examples: ['speeding,moped'] })),
  timeOfDay: Type.Optional(Type.String({ pattern: TIME_OF_DAY_LIST, description: 'Pins marked with any of these times of day' })),
  from: Type.Optional(Type.String({ format: 'date', description: 'First day, inclusive, in the municipality time zone' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Last day, inclusive, in the municipality time zone' })),
}

const { eps, minPoints, cellSize } = HOTSPOT_LIMITS

export const HotspotWeight = Type.Union([Type.Literal('count'), Type.Literal('severity')])
export type HotspotWeight = Type.Static<typeof HotspotWeight>

export const HotspotQuery = Type.Object(
  {
    method: Type.Union([Type.Literal('dbscan'), Type.Literal('gistar')], { description: 'Density clusters or Getis-Ord Gi* hot spots' }),
    ...filterProperties,
    eps: Type.Optional(Type.Number({ minimum: eps.min, maximum: eps.max, description: 'dbscan: neighbour distance, metres (default 50)' })),
    minPoints: Type.Optional(
      Type.Integer({ minimum: minPoints.min, maximum: minPoints.max, description: 'dbscan: pins within eps, itself included, that make a core pin (default 5)' }),
    ),
    compareTo: Type.Optional(
      Type.Integer({ minimum: 1, description: 'dbscan: campaign id to compare with; default the campaign that started last before the earliest selected one' }),
    ),
    cellSize: Type.Optional(Type.Number({ minimum: cellSize.min, maximum: cellSize.max, description: 'gistar: side of a grid cell, metres (default 100)' })),
    weight: Type.Optional(HotspotWeight),
    fdr: Type.Optional(Type.Boolean({ description: 'gistar: bin from Benjamini–Hochberg adjusted p-values' })),
    cells: Type.Optional(
      Type.Union([Type.Literal('notable'), Type.Literal('all')], {
        description: 'gistar: `notable` (default) returns cells with pins or a non-zero bin; `all` every cell of the study area',
      }),
    ),
  },
  { additionalProperties: false },
)
export type HotspotQuery = Type.Static<typeof HotspotQuery>

/** The hotspot filters alone: what the hotspot map, its heat layer and the pin export share. */
export const PinFilterQuery = Type.Object(filterProperties, { additionalProperties: false })
export type PinFilterQuery = Type.Static<typeof PinFilterQuery>

export const PinExportFormat = Type.Union([Type.Literal('csv'), Type.Literal('geojson')], { description: 'CSV (UTF-8 with BOM) or a GeoJSON FeatureCollection', examples: ['csv'] })

/** The pins the hotspot filters select, as a file. */
export const PinExportQuery = Type.Object({ format: PinExportFormat, ...filterProperties }, { additionalProperties: false })
export type PinExportQuery = Type.Static<typeof PinExportQuery>

export const HeatQuery = Type.Object({ ...filterProperties, weight: Type.Optional(HotspotWeight) }, { additionalProperties: false })
export type HeatQuery = Type.Static<typeof HeatQuery>

/** The filters a result was computed with; null means "all". */
export const AppliedFilters = Type.Object({
  campaigns: Type.Union([Type.Array(Type.Integer()), Type.Null()]),
  categories: Type.Union([Type.Array(Type.String()), Type.Null()]),
  timesOfDay: Type.Union([Type.Array(TimeOfDaySchema), Type.Null()]),
  from: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  to: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
})
export type AppliedFilters = Type.Static<typeof AppliedFilters>

export const TimeOfDayProfile = Type.Object({
  morning: Type.Integer({ minimum: 0 }),
  day: Type.Integer({ minimum: 0 }),
  evening: Type.Integer({ minimum: 0 }),
  night: Type.Integer({ minimum: 0 }),
})
export type TimeOfDayProfile = Type.Static<typeof TimeOfDayProfile>

export const HotspotPin = Type.Object({
  id: Type.Integer(),
  lon: Type.Number(),
  lat: Type.Number(),
  category: Type.String(),
  severity: Type.Integer({ minimum: 1, maximum: 5 }),
  timesOfDay: Type.Array(TimeOfDaySchema),
  agreements: Type.Integer({ minimum: 0 }),
  status: PinStatus,
  campaignId: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
})
export type HotspotPin = Type.Static<typeof HotspotPin>

export const HotspotTrend = Type.Object({
  then: Type.Integer({ minimum: 0, description: 'Pins of the comparison campaign inside the hull (same category and time-of-day filters)' }),
  now: Type.Integer({ minimum: 0, description: 'Pins of the current selection inside the hull' }),
  change: Type.Integer({ description: 'now − then' }),
})
export type HotspotTrend = Type.Static<typeof HotspotTrend>

export const HotspotProperties = Type.Object({
  id: Type.String({ description: 'Stable while the hotspot keeps its lowest pin id: `dbscan-<lowest pin id>`', examples: ['dbscan-1042'] }),
  rank: Type.Integer({ minimum: 1, description: '1 for the highest score' }),
  centroid: Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[lon, lat] of the mean of the pins' }),
  pinCount: Type.Integer({ minimum: 1 }),
  agreements: Type.Integer({ minimum: 0, description: 'Sum of the pins’ agreement counts' }),
  meanSeverity: Type.Number({ minimum: 1, maximum: 5 }),
  categories: Type.Record(Type.String(), Type.Integer(), { description: 'Pins per category key' }),
  timesOfDay: TimeOfDayProfile,
  score: Type.Number({ description: '(pinCount + 0.5 × agreements) × meanSeverity' }),
  trend: Type.Union([HotspotTrend, Type.Null()]),
  pins: Type.Array(HotspotPin),
})
export type HotspotProperties = Type.Static<typeof HotspotProperties>

export const HotspotFeature = Type.Object({
  type: Type.Literal('Feature'),
  geometry: PolygonGeometry,
  properties: HotspotProperties,
})
export type HotspotFeature = Type.Static<typeof HotspotFeature>

export const DbscanResult = Type.Object({
  type: Type.Literal('FeatureCollection'),
  method: Type.Literal('dbscan'),
  parameters: Type.Object({ eps: Type.Number(), minPoints: Type.Integer() }),
  filters: AppliedFilters,
  pinCount: Type.Integer({ description: 'Pins analysed' }),
  noiseCount: Type.Integer({ description: 'Pins in no hotspot' }),
  comparison: Type.Union([Type.Object({ campaign: PublicCampaign }), Type.Null()], { description: 'The campaign trends compare with' }),
  features: Type.Array(HotspotFeature),
})
export type DbscanResult = Type.Static<typeof DbscanResult>

export const GiStarBin = Type.Integer({ minimum: -3, maximum: 3, description: '−3/−2/−1 cold spot at 99/95/90 %, 0 not significant, 1/2/3 hot spot' })

export const GiStarCellFeature = Type.Object({
  type: Type.Literal('Feature'),
  geometry: PolygonGeometry,
  properties: Type.Object({
    i: Type.Integer({ description: 'Column: floor(x / cellSize) in the metric SRID' }),
    j: Type.Integer({ description: 'Row: floor(y / cellSize) in the metric SRID' }),
    value: Type.Number({ description: 'Pin count, or sum of severities with weight=severity' }),
    z: Type.Number(),
    p: Type.Number({ description: 'Two-sided p-value' }),
    q: Type.Optional(Type.Number({ description: 'Benjamini–Hochberg adjusted p-value (fdr=true)' })),
    bin: GiStarBin,
  }),
})
export type GiStarCellFeature = Type.Static<typeof GiStarCellFeature>

export const GiStarResult = Type.Object({
  type: Type.Literal('FeatureCollection'),
  method: Type.Literal('gistar'),
  parameters: Type.Object({
    cellSize: Type.Number(),
    weight: HotspotWeight,
    fdr: Type.Boolean(),
    cells: Type.Union([Type.Literal('notable'), Type.Literal('all')]),
  }),
  filters: AppliedFilters,
  pinCount: Type.Integer({ description: 'Pins analysed' }),
  grid: Type.Object({
    srid: Type.Integer({ description: 'Metric SRID the grid is aligned in' }),
    cellSize: Type.Number(),
    n: Type.Integer({ description: 'Cells in the study area' }),
    mean: Type.Number(),
    sd: Type.Number(),
  }),
  bins: Type.Record(Type.String({ pattern: '^-?[0-3]$' }), Type.Integer(), { description: 'Cells of the whole study area per bin' }),
  features: Type.Array(GiStarCellFeature),
})
export type GiStarResult = Type.Static<typeof GiStarResult>

export const HotspotResult = Type.Union([DbscanResult, GiStarResult], { $id: 'HotspotResult' })
export type HotspotResult = Type.Static<typeof HotspotResult>

export const HeatResult = Type.Object(
  {
    pinCount: Type.Integer(),
    points: Type.Array(Type.Array(Type.Number(), { minItems: 3, maxItems: 3 }), { description: '[lon, lat, weight] per pin; weight 1 or the severity' }),
  },
  { $id: 'HeatResult' },
)
export type HeatResult = Type.Static<typeof HeatResult>

export const StaffCategory = Type.Object({
  key: Type.String(),
  labelSv: Type.String(),
  labelEn: Type.String(),
  group: Type.String(),
  sensitive: Type.Boolean(),
  active: Type.Boolean(),
  color: Type.String(),
})
export type StaffCategory = Type.Static<typeof StaffCategory>

const Range = Type.Object({ min: Type.Number(), max: Type.Number() })

export const HotspotOptions = Type.Object(
  {
    campaigns: Type.Array(PublicCampaign, { description: 'Every campaign, newest first' }),
    categories: Type.Array(StaffCategory, { description: 'Every category, sensitive and inactive ones included' }),
    timeZone: Type.String(),
    defaults: Type.Object({ eps: Type.Number(), minPoints: Type.Integer(), cellSize: Type.Number() }),
    limits: Type.Object({ eps: Range, minPoints: Range, cellSize: Range, maxGridCells: Type.Integer(), maxCampaigns: Type.Integer() }),
  },
  { $id: 'HotspotOptions' },
)
export type HotspotOptions = Type.Static<typeof HotspotOptions>
