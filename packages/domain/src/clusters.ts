import Type from 'typebox'

export const ClusterQuery = Type.Object(
  {
    bbox: Type.String({
      pattern: '^\\s*-?\\d+(\\.\\d+)?\\s*(,\\s*-?\\d+(\\.\\d+)?\\s*){3}$',
      description: 'minLon,minLat,maxLon,maxLat in WGS84',
      examples: ['12.9,55.7,13.3,55.9'],
    }),
    zoom: Type.Integer({ minimum: 0, maximum: 20, examples: [12] }),
    category: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]*(,[a-z][a-z0-9_]*)*$', description: 'Comma-separated category keys', examples: ['speeding,moped'] })),
    campaign: Type.Optional(Type.Integer({ minimum: 1, description: 'Campaign id' })),
    from: Type.Optional(Type.String({ format: 'date', description: 'First day, inclusive, in the municipality time zone' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'Last day, inclusive, in the municipality time zone' })),
    timeOfDay: Type.Optional(Type.String({ pattern: '^(morning|day|evening|night)(,(morning|day|evening|night))*$', description: 'Pins marked with any of these times of day' })),
  },
  { additionalProperties: false },
)
export type ClusterQuery = Type.Static<typeof ClusterQuery>

export const ClusterFeature = Type.Object({
  type: Type.Literal('Feature'),
  geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }) }),
  properties: Type.Object({
    count: Type.Integer({ minimum: 1 }),
    categories: Type.Record(Type.String(), Type.Integer()),
    id: Type.Optional(Type.Integer({ description: 'The pin id, only when count is 1' })),
    sensitive: Type.Optional(Type.Boolean({ description: 'An aggregate of sensitive categories, placed at its cell centre' })),
  }),
})
export type ClusterFeature = Type.Static<typeof ClusterFeature>

export const ClusterCollection = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(ClusterFeature),
  },
  { $id: 'ClusterCollection' },
)
export type ClusterCollection = Type.Static<typeof ClusterCollection>
