import Type from 'typebox'
import { MultiPolygonGeometry } from './geojson.ts'

export const PublicCategory = Type.Object({
  key: Type.String(),
  labelSv: Type.String(),
  labelEn: Type.String(),
  group: Type.String(),
  sensitive: Type.Boolean(),
  color: Type.String(),
})
export type PublicCategory = Type.Static<typeof PublicCategory>

export const PublicCampaign = Type.Object({
  id: Type.Integer(),
  kind: Type.Union([Type.Literal('digital'), Type.Literal('walk'), Type.Literal('continuous')]),
  name: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})
export type PublicCampaign = Type.Static<typeof PublicCampaign>

export const AppConfig = Type.Object(
  {
    municipality: Type.Object({
      slug: Type.String({ examples: ['kavlinge'] }),
      name: Type.String({ examples: ['Kävlinge'] }),
      timeZone: Type.String({ examples: ['Europe/Stockholm'] }),
      boundary: Type.Object({
        type: Type.Literal('Feature'),
        properties: Type.Object({}),
        geometry: MultiPolygonGeometry,
      }),
      center: Type.Object({ lat: Type.Number(), lon: Type.Number() }),
      defaultZoom: Type.Integer({ minimum: 0, maximum: 20 }),
    }),
    categories: Type.Array(PublicCategory),
    campaign: Type.Union([PublicCampaign, Type.Null()]),
    map: Type.Object({
      tileUrl: Type.String({ examples: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'] }),
      attribution: Type.String(),
      maxZoom: Type.Integer(),
    }),
    sensitiveMinCount: Type.Integer({ minimum: 1, description: 'Sensitive categories show only in cells holding at least this many pins' }),
  },
  { $id: 'AppConfig' },
)
export type AppConfig = Type.Static<typeof AppConfig>
