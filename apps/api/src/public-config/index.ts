import type { FastifyInstance } from 'fastify'
import { AppConfig, GROUP_COLORS, type CategoryGroup, type PublicCampaign } from '@trygg/domain'
import type { Config } from '../config/config.ts'
import { activeCampaign } from '../pins/campaigns.queries.ts'

/** What the web app needs to draw the municipality's map and the pin form. */
export default async function publicConfig(app: FastifyInstance, opts: { config: Readonly<Config> }) {
  app.get(
    '/api/config',
    {
      schema: {
        summary: 'The municipality, its categories, the active campaign and map settings',
        tags: ['public'],
        response: { 200: AppConfig },
      },
    },
    async (request) => {
      const { municipality: m, categories } = await app.tenant(request)
      const campaign = await activeCampaign(app.db.kysely, m.municipality_id, app.now())
      const body: AppConfig = {
        municipality: {
          slug: m.slug,
          name: m.name,
          timeZone: m.time_zone,
          boundary: { type: 'Feature', properties: {}, geometry: JSON.parse(m.boundary_geojson) },
          center: { lat: m.center_lat, lon: m.center_lon },
          defaultZoom: m.default_zoom,
        },
        categories: categories
          .filter((c) => c.active)
          .map((c) => ({
            key: c.key,
            labelSv: c.label_sv,
            labelEn: c.label_en,
            group: c.group_key,
            sensitive: c.sensitive,
            color: GROUP_COLORS[c.group_key as CategoryGroup] ?? GROUP_COLORS.other,
          })),
        campaign: campaign ? toPublicCampaign(campaign) : null,
        map: opts.config.map,
        sensitiveMinCount: opts.config.sensitiveMinCount,
      }
      return body
    },
  )
}

function toPublicCampaign(c: { id: number; kind: PublicCampaign['kind']; name: string; starts_at: Date; ends_at: Date | null }): PublicCampaign {
  return { id: c.id, kind: c.kind, name: c.name, startsAt: c.starts_at.toISOString(), endsAt: c.ends_at?.toISOString() ?? null }
}
