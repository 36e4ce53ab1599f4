import crypto from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import { WALK_CODE_ALPHABET, maskToTimesOfDay, type NewWalk, type PublicWalk, type StaffWalk, type WalkProtocolObservation } from '@trygg/domain'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/** How long after its end a walk still takes observations: queued ones may sync days later. */
export const LATE_SYNC_DAYS = 7
/** How long before its start a walk takes observations: leaders may walk the route ahead. */
export const EARLY_HOURS = 24

const DAY_MS = 86_400_000

/** A new walk code: ten characters of WALK_CODE_ALPHABET (about 50 random bits). */
export function newWalkCode(): string {
  return Array.from({ length: 10 }, () => WALK_CODE_ALPHABET[crypto.randomInt(WALK_CODE_ALPHABET.length)]).join('')
}

/** The first and the last moment a walk takes observations. */
export function acceptWindow(startsAt: Date, endsAt: Date): { from: Date; until: Date } {
  return { from: new Date(startsAt.getTime() - EARLY_HOURS * 3_600_000), until: new Date(endsAt.getTime() + LATE_SYNC_DAYS * DAY_MS) }
}

interface WalkRow {
  id: number
  walk_code: string
  name: string
  starts_at: Date
  ends_at: Date
  route: string
  meeting_point: string
  observation_count: number
}

function walkRows(db: Db, municipalityId: number) {
  return db
    .selectFrom('campaign as c')
    .select(['c.id', 'c.walk_code', 'c.name', 'c.starts_at', 'c.ends_at'])
    .select(sql<string>`ST_AsGeoJSON(c.route, 7)`.as('route'))
    .select(sql<string>`ST_AsGeoJSON(c.meeting_point, 7)`.as('meeting_point'))
    .select((eb) =>
      eb
        .selectFrom('walk_observation as o')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('o.municipality_id', '=', 'c.municipality_id')
        .whereRef('o.campaign_id', '=', 'c.id')
        .as('observation_count'),
    )
    .where('c.municipality_id', '=', municipalityId)
    .where('c.kind', '=', 'walk')
    .where('c.walk_code', 'is not', null)
}

/** A walk as stored; the handlers add its page path, which depends on the deployment. */
export type WalkRecord = Omit<StaffWalk, 'path'>

function toStaffWalk(r: WalkRow): WalkRecord {
  return {
    id: r.id,
    code: r.walk_code,
    name: r.name,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    route: JSON.parse(r.route),
    meetingPoint: JSON.parse(r.meeting_point),
    observationCount: Number(r.observation_count ?? 0),
  }
}

/** The municipality's walks with a page, latest first. */
export async function listWalks(db: Db, municipalityId: number): Promise<WalkRecord[]> {
  const rows = await walkRows(db, municipalityId).orderBy('c.starts_at', 'desc').orderBy('c.id', 'desc').execute()
  return rows.map((r) => toStaffWalk(r as WalkRow))
}

export async function findWalk(db: Db, municipalityId: number, id: number): Promise<WalkRecord | undefined> {
  const row = await walkRows(db, municipalityId).where('c.id', '=', id).executeTakeFirst()
  return row && toStaffWalk(row as WalkRow)
}

/** The walk with this code in the municipality, as its leader sees it, with its campaign id. */
export async function findWalkByCode(db: Db, municipalityId: number, code: string): Promise<{ id: number; walk: PublicWalk; from: Date; until: Date } | undefined> {
  const row = await walkRows(db, municipalityId).where('c.walk_code', '=', code).executeTakeFirst()
  if (!row) return undefined
  const w = toStaffWalk(row as WalkRow)
  const window = acceptWindow(new Date(w.startsAt), new Date(w.endsAt))
  return {
    id: w.id,
    from: window.from,
    until: window.until,
    walk: { code: w.code, name: w.name, startsAt: w.startsAt, endsAt: w.endsAt, route: w.route, meetingPoint: w.meetingPoint, acceptsUntil: window.until.toISOString() },
  }
}

/** Which of the walk's shapes lie outside the municipality's boundary. */
export async function shapesOutside(db: Db, municipalityId: number, w: Pick<NewWalk, 'route' | 'meetingPoint'>): Promise<{ route: boolean; meetingPoint: boolean }> {
  const { rows } = await sql<{ route_in: boolean; point_in: boolean }>`
    SELECT ST_Covers(m.boundary, ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(w.route)}), 4326)) AS route_in,
           ST_Covers(m.boundary, ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(w.meetingPoint)}), 4326)) AS point_in
      FROM municipality AS m WHERE m.municipality_id = ${municipalityId}`.execute(db)
  return { route: !rows[0]?.route_in, meetingPoint: !rows[0]?.point_in }
}

/** Inserts a walk with a new code (a new one again in the rare case of a taken code). */
export async function insertWalk(db: Db, municipalityId: number, w: NewWalk): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const { rows } = await sql<{ id: number }>`
      INSERT INTO campaign (municipality_id, kind, name, starts_at, ends_at, route, walk_code, meeting_point)
      VALUES (${municipalityId}, 'walk', ${w.name.trim()}, ${new Date(w.startsAt)}, ${new Date(w.endsAt)},
              ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(w.route)}), 4326), ${newWalkCode()},
              ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(w.meetingPoint)}), 4326))
      ON CONFLICT (walk_code) DO NOTHING
      RETURNING id`.execute(db)
    if (rows[0]) return rows[0].id
    if (attempt >= 5) throw new Error('could not find a free walk code')
  }
}

/** The pin already recorded for this client id on the walk, if any. */
export async function findObservation(db: Db, municipalityId: number, campaignId: number, clientId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('walk_observation')
    .select('pin_id')
    .where('municipality_id', '=', municipalityId)
    .where('campaign_id', '=', campaignId)
    .where('client_id', '=', clientId)
    .executeTakeFirst()
  return row === undefined ? undefined : Number(row.pin_id)
}

/** Links a new pin to its walk; false when the client id was taken meanwhile (a concurrent resend won). */
export async function insertObservation(db: Db, o: { municipalityId: number; pinId: number; campaignId: number; clientId: string; participants: number; at: Date }): Promise<boolean> {
  const rows = await db
    .insertInto('walk_observation')
    .values({ municipality_id: o.municipalityId, pin_id: o.pinId, campaign_id: o.campaignId, client_id: o.clientId, participants: o.participants, created_at: o.at })
    .onConflict((oc) => oc.columns(['municipality_id', 'campaign_id', 'client_id']).doNothing())
    .returning('pin_id')
    .execute()
  return rows.length === 1
}

/** Gives the pin a new follow token hash (the old token stops working). */
export async function replaceFollowToken(db: Db, municipalityId: number, pinId: number, hash: Buffer): Promise<void> {
  await sql`UPDATE pin SET follow_token_hash = ${hash} WHERE municipality_id = ${municipalityId} AND id = ${pinId}`.execute(db)
}

/** The walk's observations in the order they were recorded, for the protocol. */
export async function protocolObservations(db: Db, municipalityId: number, campaignId: number): Promise<WalkProtocolObservation[]> {
  const { rows } = await sql<{
    id: number
    lon: number
    lat: number
    key: string
    label_sv: string
    label_en: string
    severity: number
    times_of_day: number
    comment: string | null
    participants: number
    created_at: Date
    has_photo: boolean
  }>`
    SELECT p.id, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat, c.key, c.label_sv, c.label_en, p.severity, p.times_of_day,
           p.comment, o.participants, p.created_at,
           EXISTS (SELECT 1 FROM pin_photo AS ph WHERE ph.municipality_id = p.municipality_id AND ph.pin_id = p.id) AS has_photo
      FROM walk_observation AS o
      JOIN pin AS p ON p.municipality_id = o.municipality_id AND p.id = o.pin_id
      JOIN category AS c ON c.municipality_id = p.municipality_id AND c.id = p.category_id
     WHERE o.municipality_id = ${municipalityId} AND o.campaign_id = ${campaignId}
     ORDER BY p.created_at, p.id`.execute(db)
  return rows.map((r) => ({
    id: Number(r.id),
    lat: r.lat,
    lon: r.lon,
    category: r.key,
    categoryLabelSv: r.label_sv,
    categoryLabelEn: r.label_en,
    severity: r.severity,
    timesOfDay: maskToTimesOfDay(r.times_of_day),
    comment: r.comment,
    participants: r.participants,
    createdAt: r.created_at.toISOString(),
    photoUrl: r.has_photo ? `/api/staff/moderation/photos/${r.id}` : null,
  }))
}
