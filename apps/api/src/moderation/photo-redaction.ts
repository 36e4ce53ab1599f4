import { sql, type Kysely } from 'kysely'
import type { ModerationItem, ModerationState, PhotoRedaction } from '@trygg/domain'
import { recordAudit } from '../audit/audit.queries.ts'
import type { Database } from '../db/schema.ts'
import { notFound } from '../errors/app-error.ts'
import type { PhotoStore } from '../photos/photo-store.ts'
import { redactPhoto } from '../photos/redact-photo.ts'
import { findPhotoItem } from './photos.queries.ts'

export interface RedactPhoto {
  municipalityId: number
  pinId: number
  redaction: PhotoRedaction
  actor: { id: number; email: string }
  at: Date
}

/**
 * Blurs and/or crops a pin's photo and replaces its file, in one transaction with the audit
 * entry (who, when, reason, the rectangles). The old file is deleted once the new one is
 * recorded, so no unredacted copy stays on disk; a new file is deleted again if anything fails.
 * The photo is approved when `approve` is set and otherwise keeps its state. 404 when the pin has
 * no photo or is another municipality's; 400 for rectangles outside the image.
 */
export async function redactPhotoDecision(db: Kysely<Database>, store: PhotoStore, d: RedactPhoto): Promise<ModerationItem> {
  let written: string | null = null
  let replaced: string | null = null
  try {
    await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ file_name: string; state: ModerationState; width: number; height: number }>`
        SELECT file_name, state, width, height FROM pin_photo
         WHERE municipality_id = ${d.municipalityId} AND pin_id = ${d.pinId} FOR UPDATE`.execute(trx)
      const current = rows[0]
      if (!current) throw notFound('The photo', 'Bilden')
      const { crop, blur = [], reason, approve = false } = d.redaction
      const photo = await redactPhoto(await store.read(current.file_name), { crop, blur })
      written = await store.write(d.municipalityId, photo.jpeg)
      const state: ModerationState = approve ? 'approved' : current.state
      await trx
        .updateTable('pin_photo')
        .set({ file_name: written, width: photo.width, height: photo.height, bytes: photo.jpeg.length, state, updated_at: d.at })
        .where('municipality_id', '=', d.municipalityId)
        .where('pin_id', '=', d.pinId)
        .execute()
      await recordAudit(trx, {
        municipalityId: d.municipalityId,
        at: d.at,
        actor: d.actor,
        action: 'photo.redact',
        entityType: 'pin_photo',
        entityId: d.pinId,
        before: { state: current.state, width: current.width, height: current.height },
        after: { state, width: photo.width, height: photo.height, crop: crop ?? null, blur },
        reason,
      })
      replaced = current.file_name
    })
  } catch (error) {
    if (written) await store.remove(written)
    throw error
  }
  if (replaced) await store.remove(replaced)
  return (await findPhotoItem(db, d.municipalityId, d.pinId))!
}
