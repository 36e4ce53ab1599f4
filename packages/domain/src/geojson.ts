import Type from 'typebox'

export const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3 })

export const PointGeometry = Type.Object({
  type: Type.Literal('Point'),
  coordinates: Position,
})

export const MultiPolygonGeometry = Type.Object({
  type: Type.Literal('MultiPolygon'),
  coordinates: Type.Array(Type.Array(Type.Array(Position))),
})
export type MultiPolygonGeometry = Type.Static<typeof MultiPolygonGeometry>

export const PolygonGeometry = Type.Object({
  type: Type.Literal('Polygon'),
  coordinates: Type.Array(Type.Array(Position)),
})
export type PolygonGeometry = Type.Static<typeof PolygonGeometry>
