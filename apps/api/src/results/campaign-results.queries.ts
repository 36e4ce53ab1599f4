import { sql, type Kysely, type Transaction } from 'kysely'
import type { CampaignResult } from '@trygg/domain'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/**
 * Published pins per campaign, newest campaign first, with the counts per category and the
 * campaign of the same kind that started just before it (what residents compare with).
 * Sensitive categories appear only as counts, never as places.
 */
export async function campaignResults(db: Db, municipalityId: number): Promise<CampaignResult[]> {
  const { rows } = await sql<{
    id: number
    kind: 'digital' | 'walk' | 'continuous'
    name: string
    starts_at: Date
    ends_at: Date | null
    pin_count: number
    categories: Record<string, number> | string
    previous_id: number | null
  }>`
    SELECT c.id, c.kind, c.name, c.starts_at, c.ends_at,
           coalesce((SELECT count(*) FROM pin p WHERE p.municipality_id = c.municipality_id AND p.campaign_id = c.id AND p.moderation = 'published'), 0)::int AS pin_count,
           coalesce((SELECT json_object_agg(k.key, k.n) FROM (
                       SELECT cat.key, count(*)::int AS n FROM pin p
                         JOIN category cat ON cat.municipality_id = p.municipality_id AND cat.id = p.category_id
                        WHERE p.municipality_id = c.municipality_id AND p.campaign_id = c.id AND p.moderation = 'published'
                        GROUP BY cat.key) k), '{}'::json) AS categories,
           (SELECT prev.id FROM campaign prev
             WHERE prev.municipality_id = c.municipality_id AND prev.kind = c.kind AND prev.starts_at < c.starts_at
             ORDER BY prev.starts_at DESC LIMIT 1) AS previous_id
      FROM campaign c
     WHERE c.municipality_id = ${municipalityId}
     ORDER BY c.starts_at DESC, c.id DESC`.execute(db)
  const countOf = new Map(rows.map((r) => [r.id, Number(r.pin_count)]))
  return rows.map((r) => ({
    campaign: { id: r.id, kind: r.kind, name: r.name, startsAt: r.starts_at.toISOString(), endsAt: r.ends_at?.toISOString() ?? null },
    pinCount: Number(r.pin_count),
    categories: typeof r.categories === 'string' ? JSON.parse(r.categories) : r.categories,
    previous: r.previous_id === null ? null : { campaignId: r.previous_id, pinCount: countOf.get(r.previous_id) ?? 0 },
  }))
}
