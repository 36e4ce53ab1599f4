import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'

/**
 * Builds a municipality's `pin_cell` rows from its published pins, one aggregate per zoom 0–20,
 * with the insert trigger's arithmetic (`trygg_pin_cells`): the same rows the trigger would
 * have left after adding the pins one by one, in a fraction of the time. For bulk loads that
 * switched the trigger off; the rows the municipality had are replaced.
 */
export async function rebuildCells(db: Kysely<Database> | Transaction<Database>, municipalityId: number): Promise<void> {
  await sql`DELETE FROM pin_cell WHERE municipality_id = ${municipalityId}`.execute(db)
  for (let z = 0; z <= 20; z++) {
    await sql`
      INSERT INTO pin_cell (municipality_id, zoom, cx, cy, category_id, campaign_id, pin_count, sum_x, sum_y, sample_pin_id)
      SELECT municipality_id, ${z}::smallint, floor(mx / trygg_cell_size(${z}))::integer AS cx, floor(my / trygg_cell_size(${z}))::integer AS cy,
             category_id, coalesce(campaign_id, 0), count(*), sum(mx), sum(my), max(id)
        FROM pin
       WHERE municipality_id = ${municipalityId} AND moderation = 'published'
       GROUP BY municipality_id, 3, 4, category_id, coalesce(campaign_id, 0)`.execute(db)
  }
}
