import Type from 'typebox'
import { MultiPolygonGeometry, PolygonGeometry } from './geojson.ts'

const CampaignKind = Type.Union([Type.Literal('digital'), Type.Literal('walk'), Type.Literal('continuous')])
const CampaignName = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', examples: ['Trygghetsvandring hösten 2026'] })
const Instant = Type.String({ format: 'date-time', examples: ['2026-09-01T00:00:00+02:00'] })
const CategoryGroupSchema = Type.Union([Type.Literal('environment'), Type.Literal('physical'), Type.Literal('traffic'), Type.Literal('order'), Type.Literal('other')])
const Label = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })

/** A campaign as staff administer it. */
export const StaffCampaign = Type.Object(
  {
    id: Type.Integer(),
    kind: CampaignKind,
    name: Type.String(),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    pinCount: Type.Integer({ minimum: 0 }),
  },
  { $id: 'StaffCampaign' },
)
export type StaffCampaign = Type.Static<typeof StaffCampaign>

export const NewCampaign = Type.Object(
  {
    kind: CampaignKind,
    name: CampaignName,
    startsAt: Instant,
    endsAt: Type.Union([Instant, Type.Null()], { description: 'null keeps the campaign open (continuous campaigns)' }),
  },
  { additionalProperties: false },
)
export type NewCampaign = Type.Static<typeof NewCampaign>

export const CampaignChange = Type.Object(
  { name: Type.Optional(CampaignName), startsAt: Type.Optional(Instant), endsAt: Type.Optional(Type.Union([Instant, Type.Null()])) },
  { additionalProperties: false, minProperties: 1 },
)
export type CampaignChange = Type.Static<typeof CampaignChange>

/** A category as staff administer it, inactive ones included. */
export const AdminCategory = Type.Object(
  {
    id: Type.Integer(),
    key: Type.String(),
    labelSv: Type.String(),
    labelEn: Type.String(),
    group: CategoryGroupSchema,
    sensitive: Type.Boolean(),
    active: Type.Boolean(),
    order: Type.Integer(),
  },
  { $id: 'AdminCategory' },
)
export type AdminCategory = Type.Static<typeof AdminCategory>

export const NewCategory = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'Stable identifier (Open311 service_code)', examples: ['snow'] }),
    labelSv: Label,
    labelEn: Label,
    group: CategoryGroupSchema,
    sensitive: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
)
export type NewCategory = Type.Static<typeof NewCategory>

export const CategoryChange = Type.Object(
  {
    labelSv: Type.Optional(Label),
    labelEn: Type.Optional(Label),
    group: Type.Optional(CategoryGroupSchema),
    sensitive: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean()),
    order: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type CategoryChange = Type.Static<typeof CategoryChange>

/** A boundary upload: a GeoJSON Polygon or MultiPolygon, bare, as a Feature, or as a FeatureCollection of them. */
export const BoundaryUpload = Type.Union(
  [
    PolygonGeometry,
    MultiPolygonGeometry,
    Type.Object({ type: Type.Literal('Feature'), geometry: Type.Union([PolygonGeometry, MultiPolygonGeometry]), properties: Type.Unknown() }),
    Type.Object({
      type: Type.Literal('FeatureCollection'),
      features: Type.Array(
        Type.Object({ type: Type.Literal('Feature'), geometry: Type.Union([PolygonGeometry, MultiPolygonGeometry]), properties: Type.Unknown() }),
        { minItems: 1, maxItems: 1000 },
      ),
    }),
  ],
  { description: 'WGS84 longitude/latitude (RFC 7946)' },
)
export type BoundaryUpload = Type.Static<typeof BoundaryUpload>

export const BoundaryResult = Type.Object({
  areaKm2: Type.Number({ description: 'Area of the new boundary' }),
  parts: Type.Integer({ description: 'Polygons in the MultiPolygon' }),
  pinsOutside: Type.Integer({ description: 'Existing pins that now lie outside the boundary (kept, not deleted)' }),
})
export type BoundaryResult = Type.Static<typeof BoundaryResult>
