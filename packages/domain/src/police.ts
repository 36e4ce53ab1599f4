import Type from 'typebox'
import { HOTSPOT_LIMITS } from './hotspot-limits.ts'
import { PolygonGeometry } from './geojson.ts'
import { StaffCategory, TimeOfDayProfile } from './hotspots.ts'
import { MAX_EFFECT_WEEKS } from './police-constants.ts'

const { eps, minPoints } = HOTSPOT_LIMITS

export const TrafficAreasQuery = Type.Object(
  {
    eps: Type.Optional(Type.Number({ minimum: eps.min, maximum: eps.max, description: 'DBSCAN neighbour distance, metres (default 75)' })),
    minPoints: Type.Optional(Type.Integer({ minimum: minPoints.min, maximum: minPoints.max, description: 'DBSCAN core size, the pin itself included (default 3)' })),
    category: Type.Optional(
      Type.String({ pattern: '^[a-z][a-z0-9_]*(,[a-z][a-z0-9_]*)*$', description: 'Comma-separated traffic category keys; default the whole traffic group', examples: ['speeding,moped'] }),
    ),
    from: Type.Optional(Type.String({ format: 'date', description: 'First day, inclusive, in the municipality time zone' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'Last day, inclusive, in the municipality time zone' })),
  },
  { additionalProperties: false },
)
export type TrafficAreasQuery = Type.Static<typeof TrafficAreasQuery>

export const WhenMatrix = Type.Object(
  { weekday: TimeOfDayProfile, weekend: TimeOfDayProfile, unspecified: TimeOfDayProfile },
  { description: 'Pins per day type × time of day. A pin marked "both" counts in weekday and weekend; one that did not say, in unspecified; one with several times of day, in each.' },
)
export type WhenMatrix = Type.Static<typeof WhenMatrix>

export const TrafficTrend = Type.Object({
  weeks: Type.Integer({ minimum: 1 }),
  previous: Type.Integer({ minimum: 0, description: 'Pins inside the hull in the `weeks` weeks before the recent ones' }),
  recent: Type.Integer({ minimum: 0, description: 'Pins inside the hull in the last `weeks` weeks' }),
  change: Type.Integer({ description: 'recent − previous' }),
})
export type TrafficTrend = Type.Static<typeof TrafficTrend>

export const TrafficAreaProperties = Type.Object({
  id: Type.String({ description: '`dbscan-<lowest pin id>`, stable while the area keeps its lowest pin', examples: ['dbscan-1042'] }),
  rank: Type.Integer({ minimum: 1 }),
  centroid: Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[lon, lat]' }),
  pinCount: Type.Integer({ minimum: 1 }),
  agreements: Type.Integer({ minimum: 0 }),
  meanSeverity: Type.Number({ minimum: 1, maximum: 5 }),
  score: Type.Number({ description: '(pinCount + 0.5 × agreements) × meanSeverity' }),
  categories: Type.Record(Type.String(), Type.Integer()),
  matrix: WhenMatrix,
  trend: TrafficTrend,
  pinIds: Type.Array(Type.Integer()),
})
export type TrafficAreaProperties = Type.Static<typeof TrafficAreaProperties>

export const TrafficArea = Type.Object({ type: Type.Literal('Feature'), geometry: PolygonGeometry, properties: TrafficAreaProperties })
export type TrafficArea = Type.Static<typeof TrafficArea>

export const TrafficAreasResult = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    parameters: Type.Object({ eps: Type.Number(), minPoints: Type.Integer(), categories: Type.Array(Type.String()), from: Type.Union([Type.String(), Type.Null()]), to: Type.Union([Type.String(), Type.Null()]) }),
    categories: Type.Array(StaffCategory, { description: 'The traffic group of categories' }),
    pinCount: Type.Integer({ description: 'Traffic pins analysed' }),
    features: Type.Array(TrafficArea, { description: 'Highest score first' }),
  },
  { $id: 'TrafficAreasResult' },
)
export type TrafficAreasResult = Type.Static<typeof TrafficAreasResult>

/** [lon, lat] in WGS84, without height. */
const LonLat = Type.Array(Type.Number(), { minItems: 2, maxItems: 2 })
export const LineStringGeometry = Type.Object({
  type: Type.Literal('LineString'),
  coordinates: Type.Array(LonLat, { minItems: 2, maxItems: 500 }),
})
export const ControlPlace = Type.Union(
  [Type.Object({ type: Type.Literal('Point'), coordinates: LonLat }), LineStringGeometry],
  { description: 'A point, or a road segment drawn on the map (WGS84 [lon, lat])' },
)
export type ControlPlace = Type.Static<typeof ControlPlace>

const ControlKindSchema = Type.Union([Type.Literal('speed_check'), Type.Literal('behaviour_monitoring')])
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time HH:MM', examples: ['07:30'] })

const controlFields = {
  kind: ControlKindSchema,
  place: ControlPlace,
  date: Type.String({ format: 'date', description: 'Local date of the control' }),
  startTime: Time,
  endTime: Type.String({ ...Time, description: 'Local time HH:MM; before startTime when the control ran past midnight' }),
  vehiclesChecked: Type.Integer({ minimum: 0, maximum: 100000 }),
  violations: Type.Integer({ minimum: 0, maximum: 100000, description: 'At most vehiclesChecked' }),
  notes: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
  areaId: Type.Union([Type.String({ pattern: '^dbscan-[0-9]{1,18}$' }), Type.Null()], { description: 'The traffic area (as listed now) the control was aimed at' }),
  actionItemId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'The action item the control belongs to' }),
}

export const NewControl = Type.Object(
  {
    ...controlFields,
    notes: Type.Optional(controlFields.notes),
    areaId: Type.Optional(controlFields.areaId),
    actionItemId: Type.Optional(controlFields.actionItemId),
  },
  { additionalProperties: false, $id: 'NewControl' },
)
export type NewControl = Type.Static<typeof NewControl>

export const ControlChange = Type.Partial(Type.Object(controlFields), { additionalProperties: false, minProperties: 1, $id: 'ControlChange' })
export type ControlChange = Type.Static<typeof ControlChange>

export const Control = Type.Object(
  {
    id: Type.Integer(),
    kind: ControlKindSchema,
    place: ControlPlace,
    date: Type.String({ format: 'date' }),
    startTime: Time,
    endTime: Time,
    vehiclesChecked: Type.Integer(),
    violations: Type.Integer(),
    notes: Type.Union([Type.String(), Type.Null()]),
    area: Type.Union([Type.Object({ id: Type.String(), geometry: PolygonGeometry }), Type.Null()], { description: 'The linked area as it was when linked' }),
    actionItemId: Type.Union([Type.Integer(), Type.Null()]),
    createdBy: Type.Union([Type.String(), Type.Null()], { description: 'Email of the officer who recorded it' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Control' },
)
export type Control = Type.Static<typeof Control>

export const ControlsQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
    areaId: Type.Optional(Type.String({ pattern: '^dbscan-[0-9]{1,18}$', description: 'Only controls linked to this area' })),
  },
  { additionalProperties: false },
)
export type ControlsQuery = Type.Static<typeof ControlsQuery>

export const ControlList = Type.Object({ controls: Type.Array(Control, { description: 'Newest date first' }) }, { $id: 'ControlList' })
export type ControlList = Type.Static<typeof ControlList>

export const EffectQuery = Type.Object(
  { weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_EFFECT_WEEKS, description: 'Weeks before and after (default TRYGG_POLICE_EFFECT_WEEKS)' })) },
  { additionalProperties: false },
)
export type EffectQuery = Type.Static<typeof EffectQuery>

export const ControlEffect = Type.Object(
  {
    controlId: Type.Integer(),
    date: Type.String({ format: 'date' }),
    weeks: Type.Integer(),
    basis: Type.Union([Type.Literal('area'), Type.Literal('radius')], { description: 'Pins inside the linked area, or within 150 m of the place' }),
    before: Type.Integer({ description: 'Traffic pins in the weeks before the control day' }),
    after: Type.Integer({ description: 'Traffic pins in the weeks after the control day' }),
    afterComplete: Type.Boolean({ description: 'false while the after period has not ended yet' }),
    series: Type.Array(
      Type.Object({ week: Type.Integer({ description: '−weeks…−1 before, 1…weeks after' }), start: Type.String({ format: 'date' }), count: Type.Integer() }),
    ),
  },
  { $id: 'ControlEffect' },
)
export type ControlEffect = Type.Static<typeof ControlEffect>

/** "Did it help" for a completed action item: traffic pins inside its area before and after the day it was done. */
export const ActionEffect = Type.Object(
  {
    actionItemId: Type.Integer(),
    date: Type.String({ format: 'date', description: 'The day the item was marked done, in the municipality’s time zone' }),
    weeks: Type.Integer(),
    before: Type.Integer({ description: 'Traffic pins in the area in the weeks before' }),
    after: Type.Integer({ description: 'Traffic pins in the area in the weeks after' }),
    afterComplete: Type.Boolean({ description: 'false while the after period has not ended yet' }),
    series: Type.Array(
      Type.Object({ week: Type.Integer({ description: '−weeks…−1 before, 1…weeks after' }), start: Type.String({ format: 'date' }), count: Type.Integer() }),
    ),
  },
  { $id: 'ActionEffect' },
)
export type ActionEffect = Type.Static<typeof ActionEffect>

export const SnapshotArea = Type.Object({
  id: Type.String(),
  rank: Type.Integer(),
  geometry: PolygonGeometry,
  centroid: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
  pinCount: Type.Integer(),
  agreements: Type.Integer(),
  meanSeverity: Type.Number(),
  score: Type.Number(),
  categories: Type.Record(Type.String(), Type.Integer()),
  matrix: WhenMatrix,
})
export type SnapshotArea = Type.Static<typeof SnapshotArea>

export const AreaChange = Type.Object({
  change: Type.Union([Type.Literal('new'), Type.Literal('grown'), Type.Literal('shrunk'), Type.Literal('unchanged'), Type.Literal('gone')]),
  id: Type.String({ description: 'The area in this snapshot, or for `gone` in the previous one' }),
  previousId: Type.Union([Type.String(), Type.Null()]),
  centroid: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
  pinCount: Type.Integer({ description: 'Now; 0 for gone' }),
  previousPinCount: Type.Integer({ description: 'Before; 0 for new' }),
})
export type AreaChange = Type.Static<typeof AreaChange>

export const SnapshotDiff = Type.Object({
  previousId: Type.Union([Type.Integer(), Type.Null()]),
  counts: Type.Object({ new: Type.Integer(), grown: Type.Integer(), shrunk: Type.Integer(), unchanged: Type.Integer(), gone: Type.Integer() }),
  changes: Type.Array(AreaChange),
})
export type SnapshotDiff = Type.Static<typeof SnapshotDiff>

export const NewSnapshot = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Not blank', examples: ['Lägesbild vecka 14'] }),
    eps: Type.Optional(TrafficAreasQuery.properties.eps),
    minPoints: Type.Optional(TrafficAreasQuery.properties.minPoints),
    from: Type.Optional(Type.String({ format: 'date', description: 'Pins and controls from this day' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'Pins and controls up to this day' })),
  },
  { additionalProperties: false, $id: 'NewSnapshot' },
)
export type NewSnapshot = Type.Static<typeof NewSnapshot>

const snapshotHead = {
  id: Type.Integer(),
  name: Type.String(),
  takenAt: Type.String({ format: 'date-time' }),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  areaCount: Type.Integer(),
  controlCount: Type.Integer(),
  diff: SnapshotDiff,
}

export const SnapshotSummary = Type.Object(snapshotHead)
export type SnapshotSummary = Type.Static<typeof SnapshotSummary>

export const SnapshotList = Type.Object({ snapshots: Type.Array(SnapshotSummary, { description: 'Newest first' }) }, { $id: 'SnapshotList' })
export type SnapshotList = Type.Static<typeof SnapshotList>

export const Snapshot = Type.Object(
  {
    ...snapshotHead,
    parameters: Type.Object({ eps: Type.Number(), minPoints: Type.Integer(), categories: Type.Array(Type.String()), from: Type.Union([Type.String(), Type.Null()]), to: Type.Union([Type.String(), Type.Null()]) }),
    areas: Type.Array(SnapshotArea),
    controls: Type.Array(Control),
  },
  { $id: 'Snapshot' },
)
export type Snapshot = Type.Static<typeof Snapshot>
