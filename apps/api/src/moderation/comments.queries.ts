import { sql, type Kysely, type Transaction } from 'kysely'
import type { ModerationItem, ModerationState } from '@trygg/domain'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database> | Transaction<Database>

interface CommentRow {
  id: number
  lon: number
  lat: number
  category: string
  sensitive: boolean
  severity: number
  comment: string | null
  comment_state: ModerationState
  created_at: Date
}

function toItem(r: CommentRow): ModerationItem {
  return {
    kind: 'comment',
    id: r.id,
    state: r.comment_state,
    text: r.comment,
    submittedAt: r.created_at.toISOString(),
    pin: { id: r.id, lat: r.lat, lon: r.lon, category: r.category, sensitive: r.sensitive, severity: r.severity },
  }
}

const selectComments = (municipalityId: number) => sql`
  SELECT p.id, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat, c.key AS category, c.sensitive, p.severity,
         p.comment, p.comment_state, p.created_at
    FROM pin AS p
    JOIN category AS c ON c.municipality_id = p.municipality_id AND c.id = p.category_id
   WHERE p.municipality_id = ${municipalityId}`

/**
 * Comments of the municipality in one state: pending ones oldest first (the queue's order),
 * decided ones newest first. `total` counts them all.
 */
export async function listComments(
  db: Db,
  municipalityId: number,
  q: { state: ModerationState; limit: number; offset: number },
): Promise<{ items: ModerationItem[]; total: number }> {
  const order = q.state === 'pending' ? sql`p.created_at, p.id` : sql`p.created_at DESC, p.id DESC`
  const { rows } = await sql<CommentRow>`${selectComments(municipalityId)} AND p.comment_state = ${q.state}
    ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db)
  const count = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pin WHERE municipality_id = ${municipalityId} AND comment_state = ${q.state}`.execute(db)
  return { items: rows.map(toItem), total: count.rows[0]?.n ?? 0 }
}

/** One pin's comment as a queue item; undefined when the pin has none or is another municipality's. */
export async function findComment(db: Db, municipalityId: number, pinId: number): Promise<ModerationItem | undefined> {
  const { rows } = await sql<CommentRow>`${selectComments(municipalityId)} AND p.id = ${pinId} AND p.comment_state <> 'none'`.execute(db)
  return rows[0] && toItem(rows[0])
}

/** Locks a pin's comment for a decision; undefined when there is no comment to decide on. */
export async function lockComment(trx: Transaction<Database>, municipalityId: number, pinId: number) {
  return trx
    .selectFrom('pin')
    .select(['comment', 'comment_state'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', pinId)
    .where('comment_state', '<>', 'none')
    .forUpdate()
    .executeTakeFirst()
}

export async function setComment(
  trx: Transaction<Database>,
  municipalityId: number,
  pinId: number,
  c: { text: string | null; state: ModerationState },
  at: Date,
): Promise<void> {
  await trx
    .updateTable('pin')
    .set({ comment: c.text, comment_state: c.state, updated_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', pinId)
    .execute()
}
