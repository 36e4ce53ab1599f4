import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, PinPhotoTable } from '../db/schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/** The pin a resident may add a photo to: theirs by its follow token, with its photo if any. */
export async function findPinForPhoto(db: Db, municipalityId: number, pinId: number, followTokenHash: Buffer) {
  const { rows } = await sql<{ id: number; token_matches: boolean; has_photo: boolean }>`
    SELECT p.id, p.follow_token_hash IS NOT NULL AND p.follow_token_hash = ${followTokenHash} AS token_matches,
           EXISTS (SELECT 1 FROM pin_photo AS ph WHERE ph.municipality_id = p.municipality_id AND ph.pin_id = p.id) AS has_photo
      FROM pin AS p
     WHERE p.municipality_id = ${municipalityId} AND p.id = ${pinId}`.execute(db)
  return rows[0]
}

/** Records a stored photo; false when the pin already has one (a concurrent upload won). */
export async function insertPhoto(
  db: Db,
  p: { municipalityId: number; pinId: number; fileName: string; width: number; height: number; bytes: number; at: Date },
): Promise<boolean> {
  const rows = await db
    .insertInto('pin_photo')
    .values({
      municipality_id: p.municipalityId,
      pin_id: p.pinId,
      file_name: p.fileName,
      width: p.width,
      height: p.height,
      bytes: p.bytes,
      state: 'pending',
      created_at: p.at,
      updated_at: p.at,
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'pin_id']).doNothing())
    .returning('pin_id')
    .execute()
  return rows.length === 1
}

/** The file of a pin's photo that the public may see: approved, on a published, non-sensitive pin. */
export async function findPublicPhotoFile(db: Db, municipalityId: number, pinId: number): Promise<string | undefined> {
  const { rows } = await sql<{ file_name: string }>`
    SELECT ph.file_name
      FROM pin_photo AS ph
      JOIN pin AS p ON p.municipality_id = ph.municipality_id AND p.id = ph.pin_id
      JOIN category AS c ON c.municipality_id = p.municipality_id AND c.id = p.category_id
     WHERE ph.municipality_id = ${municipalityId} AND ph.pin_id = ${pinId} AND ph.state = 'approved'
       AND p.moderation = 'published' AND NOT c.sensitive`.execute(db)
  return rows[0]?.file_name
}

/** A pin's photo row in any state, for staff; undefined when there is none. */
export async function findPhoto(db: Db, municipalityId: number, pinId: number): Promise<Pick<PinPhotoTable, 'file_name' | 'state'> | undefined> {
  return db
    .selectFrom('pin_photo')
    .select(['file_name', 'state'])
    .where('municipality_id', '=', municipalityId)
    .where('pin_id', '=', pinId)
    .executeTakeFirst()
}

/**
 * Which of these file names a photo row still refers to. A name is `<municipality_id>/<random>.jpg`,
 * so each municipality's names are looked up among its own rows; other names are unknown.
 */
export async function knownPhotoFiles(db: Db, fileNames: string[]): Promise<Set<string>> {
  const byMunicipality = new Map<number, string[]>()
  for (const name of fileNames) {
    const m = /^([1-9][0-9]{0,9})\//.exec(name)
    if (!m) continue
    const id = Number(m[1])
    byMunicipality.set(id, [...(byMunicipality.get(id) ?? []), name])
  }
  const known = new Set<string>()
  for (const [municipalityId, names] of byMunicipality) {
    const rows = await db.selectFrom('pin_photo').select('file_name').where('municipality_id', '=', municipalityId).where('file_name', 'in', names).execute()
    for (const r of rows) known.add(r.file_name)
  }
  return known
}
