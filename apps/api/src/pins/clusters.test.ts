import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { timesOfDayToMask, TIMES_OF_DAY, type ClusterCollection } from '@trygg/domain'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { seedTestMunicipality, TEST_BBOX, testConfig } from '../../test/fixtures.ts'

const OPEN_CATEGORIES = ['littering', 'lighting', 'speeding', 'moped', 'vandalism']

/** A small deterministic spread of points inside the test boundary. */
function points(n: number, seed: number) {
  let s = seed
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648)
  return Array.from({ length: n }, (_, i) => ({
    lon: 13.0 + 0.2 * rnd() ** 2,
    lat: 55.75 + 0.1 * rnd(),
    category: OPEN_CATEGORIES[i % OPEN_CATEGORIES.length]!,
    mask: 1 + (i % 15),
    day: `2026-0${1 + (i % 9)}-1${i % 10}T${String(i % 24).padStart(2, '0')}:30:00+01:00`,
  }))
}

describe.each(ENGINES)('clusters on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let municipalityId: number
  let campaignId: number
  let otherCampaign: number

  const clusters = async (query: string): Promise<ClusterCollection> => {
    const res = await app.inject(`/api/pins/clusters?${query}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json()
  }
  const total = (fc: ClusterCollection) => fc.features.reduce((n, f) => n + f.properties.count, 0)
  const countWhere = async (where = sql`true`) =>
    Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pin WHERE moderation = 'published' AND ${where}`.execute(db.kysely)).rows[0]!.n)

  async function insert(pts: ReturnType<typeof points>, campaign: number) {
    await sql`
      INSERT INTO pin (municipality_id, campaign_id, category_id, geom, severity, times_of_day, source, created_at)
      SELECT ${municipalityId}, ${campaign}, c.id, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), 3, r.mask, 'import', r.day
        FROM json_to_recordset(${JSON.stringify(pts)}::json) AS r(lon float8, lat float8, category text, mask smallint, day timestamptz)
        JOIN category c ON c.municipality_id = ${municipalityId} AND c.key = r.category`.execute(db.kysely)
  }

  beforeAll(async () => {
    db = await openTestDb(engine)
    ;({ municipalityId, campaignId } = await seedTestMunicipality(db.kysely))
    otherCampaign = (
      await db.kysely
        .insertInto('campaign')
        .values({ municipality_id: municipalityId, kind: 'digital', name: 'Walk 2025', starts_at: new Date('2025-09-01'), ends_at: new Date('2025-10-01'), route: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    await insert(points(300, 7), campaignId)
    await insert(points(120, 11), otherCampaign)
    app = await buildApp({ config: testConfig(), db })
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  it('counts every public pin exactly once at every zoom, from the aggregates and from the pins', async () => {
    const expected = await countWhere()
    expect(expected).toBe(420)
    const allTimes = TIMES_OF_DAY.join(',')
    for (let zoom = 0; zoom <= 20; zoom++) {
      const fromAggregates = await clusters(`bbox=${TEST_BBOX}&zoom=${zoom}`)
      const fromPins = await clusters(`bbox=${TEST_BBOX}&zoom=${zoom}&timeOfDay=${allTimes}`)
      expect(total(fromAggregates), `zoom ${zoom}`).toBe(expected)
      expect(total(fromPins), `zoom ${zoom}`).toBe(expected)
      const key = (fc: ClusterCollection) => fc.features.map((f) => `${f.geometry.coordinates.join()}:${f.properties.count}`).sort()
      expect(key(fromPins)).toEqual(key(fromAggregates))
    }
  })

  it('gives single pins their id and category, and larger clusters a category breakdown', async () => {
    const fc = await clusters(`bbox=${TEST_BBOX}&zoom=20`)
    const singles = fc.features.filter((f) => f.properties.count === 1)
    expect(singles.length).toBeGreaterThan(100)
    for (const f of singles.slice(0, 20)) {
      const pin = (await app.inject(`/api/pins/${f.properties.id}`)).json()
      expect(Object.keys(f.properties.categories)).toEqual([pin.category])
      expect(f.geometry.coordinates[0]).toBeCloseTo(pin.lon, 5)
      expect(f.geometry.coordinates[1]).toBeCloseTo(pin.lat, 5)
    }
    const world = await clusters(`bbox=-180,-85,180,85&zoom=0`)
    expect(world.features).toHaveLength(1)
    expect(world.features[0]!.properties.id).toBeUndefined()
    const sum = Object.values(world.features[0]!.properties.categories).reduce((a, b) => a + b, 0)
    expect(sum).toBe(420)
  })

  it('counts each pin of a partial bbox in exactly one feature', async () => {
    const bbox = [13.05, 55.78, 13.12, 55.82]
    const inside = await countWhere(sql`ST_Intersects(geom, ST_MakeEnvelope(${bbox[0]}, ${bbox[1]}, ${bbox[2]}, ${bbox[3]}, 4326))`)
    for (const zoom of [8, 12, 15, 18]) {
      const fc = await clusters(`bbox=${bbox.join(',')}&zoom=${zoom}`)
      // whole cells that touch the bbox are returned, so a cluster may also hold pins just outside it
      expect(total(fc)).toBeGreaterThanOrEqual(inside)
    }
    const fine = await clusters(`bbox=${bbox.join(',')}&zoom=20`)
    const ids = new Set(fine.features.filter((f) => f.properties.count === 1).map((f) => f.properties.id))
    expect(ids.size).toBe(fine.features.filter((f) => f.properties.count === 1).length)
  })

  it('filters by category, campaign, period and time of day', async () => {
    const lighting = await clusters(`bbox=${TEST_BBOX}&zoom=10&category=lighting,moped`)
    expect(total(lighting)).toBe(await countWhere(sql`category_id IN (SELECT id FROM category WHERE key IN ('lighting', 'moped'))`))
    const byCampaign = await clusters(`bbox=${TEST_BBOX}&zoom=13&campaign=${otherCampaign}`)
    expect(total(byCampaign)).toBe(120)
    const evening = await clusters(`bbox=${TEST_BBOX}&zoom=13&timeOfDay=evening`)
    expect(total(evening)).toBe(await countWhere(sql`(times_of_day & ${timesOfDayToMask(['evening'])}::smallint) <> 0`))
    const period = await clusters(`bbox=${TEST_BBOX}&zoom=13&from=2026-03-01&to=2026-05-31`)
    const inPeriod = await countWhere(
      sql`created_at >= '2026-03-01T00:00:00+01:00' AND created_at < '2026-06-01T00:00:00+02:00'`,
    )
    expect(inPeriod).toBeGreaterThan(0)
    expect(total(period)).toBe(inPeriod)
    const combined = await clusters(`bbox=${TEST_BBOX}&zoom=13&campaign=${campaignId}&category=speeding&timeOfDay=night&from=2026-01-01&to=2026-12-31`)
    expect(total(combined)).toBe(
      await countWhere(sql`campaign_id = ${campaignId} AND category_id = (SELECT id FROM category WHERE key = 'speeding') AND (times_of_day & 8::smallint) <> 0 AND created_at >= '2026-01-01T00:00:00+01:00' AND created_at < '2027-01-01T00:00:00+01:00'`),
    )
  })

  it('keeps the aggregates exact when pins are hidden, moved and deleted', async () => {
    const fc = await clusters(`bbox=${TEST_BBOX}&zoom=20`)
    const single = fc.features.find((f) => f.properties.count === 1)!
    const id = single.properties.id!
    await sql`UPDATE pin SET moderation = 'hidden' WHERE id = ${id}`.execute(db.kysely)
    expect(total(await clusters(`bbox=${TEST_BBOX}&zoom=5`))).toBe(419)
    await sql`UPDATE pin SET moderation = 'published', geom = ST_SetSRID(ST_MakePoint(13.15, 55.76), 4326) WHERE id = ${id}`.execute(db.kysely)
    const moved = await clusters(`bbox=13.149,55.759,13.151,55.761&zoom=20`)
    expect(moved.features.some((f) => f.properties.id === id)).toBe(true)
    // Delete the pin that a shared cell names as its sample: the cell must name another pin.
    const z10 = await clusters(`bbox=${TEST_BBOX}&zoom=16`)
    const pair = z10.features.find((f) => f.properties.count === 2)
    if (pair) {
      const cellPins = await sql<{ id: number }>`
        SELECT sample_pin_id AS id FROM pin_cell WHERE zoom = 16 AND pin_count = 2 LIMIT 1`.execute(db.kysely)
      await sql`DELETE FROM pin WHERE id = ${cellPins.rows[0]!.id}`.execute(db.kysely)
      const after = await clusters(`bbox=${TEST_BBOX}&zoom=20`)
      for (const f of after.features.filter((x) => x.properties.count === 1)) {
        expect((await app.inject(`/api/pins/${f.properties.id}`)).statusCode).toBe(200)
      }
    }
    const stale = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pin_cell c WHERE NOT EXISTS (SELECT 1 FROM pin p WHERE p.id = c.sample_pin_id AND p.moderation = 'published')`.execute(db.kysely)
    expect(stale.rows[0]!.n).toBe(0)
    const expected = await countWhere()
    for (const zoom of [0, 7, 14, 20]) expect(total(await clusters(`bbox=${TEST_BBOX}&zoom=${zoom}`))).toBe(expected)
  })

  it('shows sensitive categories only as aggregates of at least k', async () => {
    const before = await countWhere()
    const near = Array.from({ length: 4 }, (_, i) => ({ lon: 13.1 + i * 0.0001, lat: 55.8, category: 'drugs', mask: 8, day: '2026-05-01T22:00:00+02:00' }))
    await insert(near, campaignId)
    const visible = async (zoom: number) => (await clusters(`bbox=${TEST_BBOX}&zoom=${zoom}`)).features.filter((f) => f.properties.categories.drugs)
    for (const zoom of [10, 14, 20]) expect(await visible(zoom)).toEqual([])
    const drugsOnly = await clusters(`bbox=${TEST_BBOX}&zoom=20&category=drugs`)
    expect(drugsOnly.features).toEqual([])
    await insert([{ ...near[0]!, lon: 13.1005 }], campaignId)
    for (const zoom of [10, 14, 20]) {
      const shown = await visible(zoom)
      expect(shown).toHaveLength(1)
      expect(shown[0]!.properties).toEqual({ count: 5, categories: { drugs: 5 }, sensitive: true })
    }
    expect(total(await clusters(`bbox=${TEST_BBOX}&zoom=12`))).toBe(before + 5)
  })

  it.each([
    ['no bbox', 'zoom=3'],
    ['no zoom', `bbox=${TEST_BBOX}`],
    ['zoom 21', `bbox=${TEST_BBOX}&zoom=21`],
    ['zoom -1', `bbox=${TEST_BBOX}&zoom=-1`],
    ['a fractional zoom', `bbox=${TEST_BBOX}&zoom=3.5`],
    ['a bbox of three numbers', 'bbox=13,55,14&zoom=3'],
    ['a bbox with words', 'bbox=a,b,c,d&zoom=3'],
    ['an inverted bbox', 'bbox=13.2,55.85,13.0,55.75&zoom=3'],
    ['a latitude out of range', 'bbox=13,55,14,95&zoom=3'],
    ['an unknown category', `bbox=${TEST_BBOX}&zoom=3&category=ufo`],
    ['a bad date', `bbox=${TEST_BBOX}&zoom=3&from=2026-13-45`],
    ['from after to', `bbox=${TEST_BBOX}&zoom=3&from=2026-05-01&to=2026-04-01`],
    ['an unknown time of day', `bbox=${TEST_BBOX}&zoom=3&timeOfDay=noon`],
    ['an unknown parameter', `bbox=${TEST_BBOX}&zoom=3&limit=5`],
  ])('refuses %s with 400', async (_name, query) => {
    const res = await app.inject(`/api/pins/clusters?${query}`)
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ statusCode: 400 })
    expect(res.json().message).toBeTruthy()
  })

  it('never mixes municipalities', async () => {
    await seedTestMunicipality(db.kysely, 'annan', 'Annan kommun')
    const total0 = total(await clusters(`bbox=${TEST_BBOX}&zoom=10`))
    const ids = await sql<{ id: number }>`SELECT id FROM category WHERE municipality_id <> ${municipalityId} AND key = 'lighting'`.execute(db.kysely)
    const other = await sql<{ municipality_id: number }>`SELECT municipality_id FROM municipality WHERE slug = 'annan'`.execute(db.kysely)
    await sql`INSERT INTO pin (municipality_id, category_id, geom, severity, times_of_day)
              VALUES (${other.rows[0]!.municipality_id}, ${ids.rows[0]!.id}, ST_SetSRID(ST_MakePoint(13.1, 55.8), 4326), 3, 1)`.execute(db.kysely)
    expect(total(await clusters(`bbox=${TEST_BBOX}&zoom=10`))).toBe(total0)
  })
})
