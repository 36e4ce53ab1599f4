import type { Kysely } from 'kysely'
import { MODERATION_KINDS, type ModerationItem, type ModerationKind, type ModerationState } from '@trygg/domain'
import type { Database } from '../db/schema.ts'
import { listComments } from './comments.queries.ts'
import { listPhotos } from './photos.queries.ts'

type QueueSource = (
  db: Kysely<Database>,
  municipalityId: number,
  q: { state: ModerationState; limit: number; offset: number },
) => Promise<{ items: ModerationItem[]; total: number }>

/** Where each kind of item comes from. A new kind adds its source here. */
const SOURCES: Record<ModerationKind, QueueSource> = {
  comment: listComments,
  photo: listPhotos,
}

export interface QueueQuery {
  kind?: ModerationKind | undefined
  state: ModerationState
  limit: number
  offset: number
}

/**
 * The moderation queue of a municipality: items of one kind, or of every kind merged by the
 * time they were submitted (pending oldest first, decided newest first).
 */
export async function readQueue(db: Kysely<Database>, municipalityId: number, q: QueueQuery): Promise<{ items: ModerationItem[]; total: number }> {
  const kinds = q.kind ? [q.kind] : MODERATION_KINDS
  if (kinds.length === 1) return SOURCES[kinds[0]!](db, municipalityId, q)
  const parts = await Promise.all(kinds.map((k) => SOURCES[k](db, municipalityId, { state: q.state, limit: q.offset + q.limit, offset: 0 })))
  const sign = q.state === 'pending' ? 1 : -1
  const items = parts
    .flatMap((p) => p.items)
    .sort((a, b) => sign * (a.submittedAt.localeCompare(b.submittedAt) || a.id - b.id))
    .slice(q.offset, q.offset + q.limit)
  return { items, total: parts.reduce((n, p) => n + p.total, 0) }
}
