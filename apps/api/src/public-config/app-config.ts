import type { Kysely } from 'kysely'
import { GROUP_COLORS, type AppConfig, type CategoryGroup, type PublicCampaign } from '@trygg/domain'
import type { Config } from '../config/config.ts'
import type { Database } from '../db/schema.ts'
import type { Tenant } from '../municipality/municipality-plugin.ts'
import { activeCampaign } from '../pins/campaigns.queries.ts'

/**
 * What the web app needs to draw a municipality's map and the pin form: the answer of
 * `GET /api/config`, also written into the map page so that its first view needs no request.
 */
export async function appConfigOf(db: Kysely<Database>, tenant: Tenant, config: Readonly<Config>, now: Date): Promise<AppConfig> {
  const { municipality: m, categories } = tenant
  const campaign = await activeCampaign(db, m.municipality_id, now)
  return {
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
    map: config.map,
    sensitiveMinCount: config.sensitiveMinCount,
  }
}

function toPublicCampaign(c: { id: number; kind: PublicCampaign['kind']; name: string; starts_at: Date; ends_at: Date | null }): PublicCampaign {
  return { id: c.id, kind: c.kind, name: c.name, startsAt: c.starts_at.toISOString(), endsAt: c.ends_at?.toISOString() ?? null }
}
