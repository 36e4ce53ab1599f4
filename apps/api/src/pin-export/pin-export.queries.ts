import { sql, type Kysely } from 'kysely'
import { maskToTimesOfDay, type PinStatus, type TimeOfDay } from '@trygg/domain'
import type { Database } from '../db/schema.ts'
import { pinWhere, type PinFilter } from '../hotspots/pin-filter.ts'

/** One exported pin: what a planner may see of it, the comment only once approved. */
export interface ExportedPin {
  id: number
  createdAt: Date
  campaignId: number | null
  campaignName: string | null
  category: string
  categorySv: string
  categoryEn: string
  severity: number
  timesOfDay: TimeOfDay[]
  agreements: number
  status: PinStatus
  source: string
  comment: string | null
  lat: number
  lon: number
}

/** The pins of `filter` (the hotspot map's selection), oldest first, coordinates to 7 decimals (about 1 cm). */
export async function exportPins(db: Kysely<Database>, filter: PinFilter): Promise<ExportedPin[]> {
  const { rows } = await sql<{
    id: number
    created_at: Date
    campaign_id: number | null
    campaign_name: string | null
    category: string
    label_sv: string
    label_en: string
    severity: number
    times_of_day: number
    agreement_count: number
    status: PinStatus
    source: string
    comment: string | null
    lat: number
    lon: number
  }>`
    SELECT p.id, p.created_at, p.campaign_id, cp.name AS campaign_name, c.key AS category, c.label_sv, c.label_en,
           p.severity, p.times_of_day, p.agreement_count, p.status, p.source,
           CASE WHEN p.comment_state = 'approved' THEN p.comment END AS comment,
           round(ST_Y(p.geom)::numeric, 7)::float8 AS lat, round(ST_X(p.geom)::numeric, 7)::float8 AS lon
      FROM pin AS p
      JOIN category AS c ON c.municipality_id = p.municipality_id AND c.id = p.category_id
      LEFT JOIN campaign AS cp ON cp.municipality_id = p.municipality_id AND cp.id = p.campaign_id
     WHERE ${pinWhere('p', filter)}
     ORDER BY p.created_at, p.id`.execute(db)
  return rows.map((r) => ({
    id: Number(r.id),
    createdAt: r.created_at,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    category: r.category,
    categorySv: r.label_sv,
    categoryEn: r.label_en,
    severity: r.severity,
    timesOfDay: maskToTimesOfDay(r.times_of_day),
    agreements: r.agreement_count,
    status: r.status,
    source: r.source,
    comment: r.comment,
    lat: r.lat,
    lon: r.lon,
  }))
}
