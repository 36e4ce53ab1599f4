import { sql, type Kysely, type Transaction } from 'kysely'
import type { ModerationItem, ModerationState } from '@trygg/domain'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database> | Transaction<Database>

interface PhotoRow {
  id: number
  lon: number
  lat: number
  category: string
  sensitive: boolean
  severity: number
  state: ModerationState
  created_at: Date
}

function toItem(r: PhotoRow): ModerationItem {
  return {
    kind: 'photo',
    id: r.id,
    state: r.state,
    text: null,
    submittedAt: r.created_at.toISOString(),
    photoUrl: `/api/staff/moderation/photos/${r.id}`,
    pin: { id: r.id, lat: r.lat, lon: r.lon, category: r.category, sensitive: r.sensitive, severity: r.severity },
  }
}

const selectPhotos = (municipalityId: number) => sql`
  SELECT p.id, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat, c.key AS category, c.sensitive, p.severity,
         ph.state, ph.created_at
    FROM pin_photo AS ph
    JOIN pin AS p ON p.municipality_id = ph.municipality_id AND p.id = ph.pin_id
    JOIN category AS c ON c.municipality_id = p.municipality_id AND c.id = p.category_id
   WHERE ph.municipality_id = ${municipalityId}`

/** Photos of the municipality in one state, in the queue's order (pending oldest first). */
export async function listPhotos(
  db: Db,
  municipalityId: number,
  q: { state: ModerationState; limit: number; offset: number },
): Promise<{ items: ModerationItem[]; total: number }> {
  const order = q.state === 'pending' ? sql`ph.created_at, ph.pin_id` : sql`ph.created_at DESC, ph.pin_id DESC`
  const { rows } = await sql<PhotoRow>`${selectPhotos(municipalityId)} AND ph.state = ${q.state}
    ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db)
  const count = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pin_photo WHERE municipality_id = ${municipalityId} AND state = ${q.state}`.execute(db)
  return { items: rows.map(toItem), total: count.rows[0]?.n ?? 0 }
}

/** One pin's photo as a queue item; undefined when the pin has none or is another municipality's. */
export async function findPhotoItem(db: Db, municipalityId: number, pinId: number): Promise<ModerationItem | undefined> {
  const { rows } = await sql<PhotoRow>`${selectPhotos(municipalityId)} AND ph.pin_id = ${pinId}`.execute(db)
  return rows[0] && toItem(rows[0])
}

/** Locks a pin's photo row for a decision. */
export async function lockPhoto(trx: Transaction<Database>, municipalityId: number, pinId: number) {
  return trx
    .selectFrom('pin_photo')
    .select(['state'])
    .where('municipality_id', '=', municipalityId)
    .where('pin_id', '=', pinId)
    .forUpdate()
    .executeTakeFirst()
}

export async function setPhotoState(trx: Transaction<Database>, municipalityId: number, pinId: number, state: ModerationState, at: Date): Promise<void> {
  await trx
    .updateTable('pin_photo')
    .set({ state, updated_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('pin_id', '=', pinId)
    .execute()
}
