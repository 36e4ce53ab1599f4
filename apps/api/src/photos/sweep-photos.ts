import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { PhotoStore } from './photo-store.ts'
import { knownPhotoFiles } from './photos.queries.ts'

export const sweepDefaults = {
  graceMs: 60 * 60 * 1000, // files younger than this are left alone: an upload may be between writing and recording
  batch: 500, // file names looked up per query
}

/**
 * Removes photo files no row refers to any more — the photo of a deleted pin (its row goes with
 * the pin) or of an upload that failed half-way — and answers how many it removed.
 */
export async function sweepOrphanPhotos(db: Kysely<Database>, store: PhotoStore, now: Date, options: Partial<typeof sweepDefaults> = {}): Promise<number> {
  const o = { ...sweepDefaults, ...options }
  const old = (await store.list()).filter((f) => now.getTime() - f.modified.getTime() >= o.graceMs).map((f) => f.name)
  let removed = 0
  for (let i = 0; i < old.length; i += o.batch) {
    const names = old.slice(i, i + o.batch)
    const known = await knownPhotoFiles(db, names)
    for (const name of names) {
      if (known.has(name)) continue
      await store.remove(name)
      removed += 1
    }
  }
  return removed
}
