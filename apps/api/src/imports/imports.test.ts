import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { IMPORT_LIMITS, type ImportBatchResult, type ImportRow } from '@trygg/domain'
import { buildApp } from '../app.ts'
import { createCampaign } from '../municipality/municipality.setup.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { createStaff, login, type StaffAgent } from '../../test/staff.ts'

const NOW = new Date('2026-11-01T12:00:00Z')

/** A good row k: inside the test boundary, spread over a grid. */
const goodRow = (k: number): ImportRow => ({
  lat: (55.76 + 0.00008 * (k % 1000)).toFixed(6),
  lon: (13.02 + 0.00015 * Math.floor(k / 1000)).toFixed(6),
  category: ['lighting', 'Nedskräpning', 'Speeding'][k % 3],
  date: `2024-09-${String(1 + (k % 28)).padStart(2, '0')}`,
  severity: String(1 + (k % 5)),
})

describe.each(ENGINES)('pin imports on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let municipalityId: number
  let walk2024: number
  let planner: StaffAgent
  let moderator: StaffAgent

  beforeAll(async () => {
    db = await openTestDb(engine)
    ;({ municipalityId } = await seedTestMunicipality(db.kysely))
    walk2024 = await createCampaign(db.kysely, { municipalityId, kind: 'digital', name: 'Trygghetsvandring 2024', startsAt: new Date('2024-09-01T00:00:00+02:00'), endsAt: new Date('2024-10-01T00:00:00+02:00') })
    app = await buildApp({ config: testConfig(), db, clock: () => NOW })
    planner = await login(app, await createStaff(db.kysely, municipalityId, 'planner'))
    moderator = await login(app, await createStaff(db.kysely, municipalityId, 'moderator'))
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  async function start(totalRows: number, campaign: number | 'byDate' | null = walk2024, fileName = 'vandring-2024.csv'): Promise<number> {
    const res = await planner.inject({ method: 'POST', url: '/api/staff/imports', payload: { fileName, totalRows, campaign } })
    expect(res.statusCode, res.body).toBe(201)
    return res.json().id
  }

  async function send(id: number, firstRow: number, rows: ImportRow[]): Promise<ImportBatchResult> {
    const res = await planner.inject({ method: 'POST', url: `/api/staff/imports/${id}/rows`, payload: { firstRow, rows } })
    expect(res.statusCode, res.body).toBe(200)
    return res.json()
  }

  /** Imports rows in batches the way the staff workspace does; returns the last batch's totals. */
  async function importAll(rows: ImportRow[], campaign: number | 'byDate' | null = walk2024) {
    const id = await start(rows.length, campaign)
    let last: ImportBatchResult | undefined
    const rejected = []
    for (let i = 0; i < rows.length; i += IMPORT_LIMITS.batchSize) {
      last = await send(id, i + 1, rows.slice(i, i + IMPORT_LIMITS.batchSize))
      rejected.push(...last.rejected)
    }
    return { id, totals: last!.totals, rejected }
  }

  const pinCount = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM pin WHERE municipality_id = ${municipalityId}`.execute(db.kysely)).rows[0]!.n)

  it('maps categories by key or name, dates in local time, severity and times of day, and joins the chosen campaign', async () => {
    const rows: ImportRow[] = [
      { lat: '55,79', lon: '13,11', category: 'Dålig belysning', date: '2024-09-12 21:30', timesOfDay: '', comment: 'Mörkt vid stationen', externalId: 'M-1' },
      { lat: '55.791', lon: '13.111', category: 'MOPED', date: '2024-09-13', severity: '', timesOfDay: 'kväll, natt', externalId: 'M-2' },
      { lat: '55.792', lon: '13.112', category: 'Poor lighting', date: '2024-09-14T07:15:00Z', severity: '5', externalId: 'M-3' },
    ]
    const { totals, rejected } = await importAll(rows)
    expect(rejected).toEqual([])
    expect(totals).toEqual({ rowsReceived: 3, totalRows: 3, added: 3, duplicates: 0, rejected: 0 })
    const { rows: pins } = await sql<{ key: string; campaign_id: number; severity: number; times_of_day: number; comment: string | null; comment_state: string; source: string; at: Date; lat: number }>`
      SELECT c.key, p.campaign_id, p.severity, p.times_of_day, p.comment, p.comment_state, p.source, p.created_at AS at, ST_Y(p.geom) AS lat
        FROM pin AS p JOIN category AS c ON c.municipality_id = p.municipality_id AND c.id = p.category_id
       WHERE p.municipality_id = ${municipalityId} AND p.import_key LIKE ${`ext:${walk2024}:M-%`} ORDER BY p.import_key`.execute(db.kysely)
    expect(pins.map((p) => [p.key, p.campaign_id, p.severity, p.times_of_day, p.comment_state, p.source])).toEqual([
      ['lighting', walk2024, 3, 4, 'pending', 'import'], // 21:30 local: evening
      ['moped', walk2024, 3, 12, 'none', 'import'],
      ['lighting', walk2024, 5, 1, 'none', 'import'], // 07:15 UTC is 09:15 local: morning
    ])
    expect(pins[0]!.at.toISOString()).toBe('2024-09-12T19:30:00.000Z')
    expect(pins[1]!.at.toISOString()).toBe('2024-09-12T22:00:00.000Z')
    expect(pins[0]!.lat).toBeCloseTo(55.79, 9)
  })

  it('reports every rejected row with its number and reason, and imports the rest', async () => {
    const good = goodRow(1)
    const rows: ImportRow[] = [
      good,
      { ...good, lat: 'abc' },
      { ...good, lat: '95' },
      { ...good, lat: '55.6', lon: '13.0' },
      { ...good, category: 'ufo' },
      { ...good, date: '2024-02-30' },
      { ...good, date: '12/09/2024' },
      { ...good, date: '2027-01-01' },
      { ...good, severity: '7' },
      { ...good, timesOfDay: 'lunch' },
      { ...good, comment: 'x'.repeat(2001) },
      { ...good, category: '', date: '' },
    ]
    const { totals, rejected } = await importAll(rows.map((r, k) => ({ ...r, externalId: `R-${k}` })))
    expect(rejected.map((r) => [r.row, r.reason, r.field])).toEqual([
      [2, 'bad_coordinates', 'lat'],
      [3, 'bad_coordinates', 'lat'],
      [4, 'outside_boundary', 'lat'],
      [5, 'unknown_category', 'category'],
      [6, 'bad_date', 'date'],
      [7, 'bad_date', 'date'],
      [8, 'future_date', 'date'],
      [9, 'bad_severity', 'severity'],
      [10, 'bad_times_of_day', 'timesOfDay'],
      [11, 'comment_too_long', 'comment'],
      [12, 'unknown_category', 'category'],
      [12, 'bad_date', 'date'],
    ])
    expect(rejected.find((r) => r.row === 5)).toMatchObject({ message: expect.stringContaining('(ufo)'), messageSv: expect.stringContaining('Kategorin finns inte') })
    expect(totals).toEqual({ rowsReceived: 12, totalRows: 12, added: 1, duplicates: 0, rejected: 11 })
  })

  it('adds nothing when the same file is imported again, with or without external ids', async () => {
    const rows = Array.from({ length: 40 }, (_, k) => goodRow(20_000 + k))
    const before = await pinCount()
    const first = await importAll(rows)
    expect(first.totals).toMatchObject({ added: 40, duplicates: 0 })
    const again = await importAll(rows)
    expect(again.totals).toMatchObject({ added: 0, duplicates: 40, rejected: 0 })
    const withIds = rows.map((r, k) => ({ ...r, externalId: `X-${k}` }))
    expect((await importAll(withIds)).totals).toMatchObject({ added: 40 })
    expect((await importAll(withIds)).totals).toMatchObject({ added: 0, duplicates: 40 })
    expect(await pinCount()).toBe(before + 80)
  })

  it('picks the campaign running at each date with campaign=byDate', async () => {
    const { totals } = await importAll([
      { ...goodRow(7000), date: '2024-09-20', externalId: 'D-1' },
      { ...goodRow(7001), date: '2023-05-01', externalId: 'D-2' },
    ], 'byDate')
    expect(totals.added).toBe(2)
    const { rows } = await sql<{ key: string; campaign_id: number | null }>`
      SELECT import_key AS key, campaign_id FROM pin WHERE municipality_id = ${municipalityId} AND import_key LIKE 'ext:date:D-%' ORDER BY import_key`.execute(db.kysely)
    // The test municipality's continuous campaign runs from 2020 on; the digital walk wins in September 2024.
    const continuous = (await sql<{ id: number }>`SELECT id FROM campaign WHERE municipality_id = ${municipalityId} AND kind = 'continuous'`.execute(db.kysely)).rows[0]!.id
    expect(rows.map((r) => r.campaign_id)).toEqual([walk2024, continuous])
  })

  it('imports 10,000 rows in batches with correct totals, updating the map aggregates, and audits the import', async () => {
    const rows = Array.from({ length: 10_000 }, (_, k) => (k % 1000 === 999 ? { ...goodRow(k), lat: '' } : goodRow(k)))
    const before = await pinCount()
    const started = Date.now()
    const { id, totals, rejected } = await importAll(rows)
    console.log(`${engine}: 10,000 rows imported in ${Date.now() - started} ms`)
    expect(totals).toEqual({ rowsReceived: 10_000, totalRows: 10_000, added: 9_990, duplicates: 0, rejected: 10 })
    expect(rejected.map((r) => r.row)).toEqual(Array.from({ length: 10 }, (_, k) => 1000 * (k + 1)))
    expect(await pinCount()).toBe(before + 9_990)
    const { rows: cells } = await sql<{ n: string }>`
      SELECT sum(pin_count) AS n FROM pin_cell WHERE municipality_id = ${municipalityId} AND zoom = 0 AND campaign_id = ${walk2024}`.execute(db.kysely)
    const { rows: pins } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM pin WHERE municipality_id = ${municipalityId} AND campaign_id = ${walk2024} AND moderation = 'published'`.execute(db.kysely)
    expect(Number(cells[0]!.n)).toBe(Number(pins[0]!.n))
    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'after']).where('municipality_id', '=', municipalityId).where('entity_type', '=', 'pin_import').where('entity_id', '=', String(id)).orderBy('id').execute()
    expect(audit.map((a) => a.action)).toEqual(['pin_import.start', 'pin_import.finish'])
    expect(audit[1]!.after).toMatchObject({ totalRows: 10_000, added: 9_990, duplicates: 0, rejected: 10 })
  }, 300_000)

  it('refuses bad batches with clear 4xx answers and imports nothing from them', async () => {
    const before = await pinCount()
    const id = await start(10)
    const post = (payload: object, url = `/api/staff/imports/${id}/rows`) => planner.inject({ method: 'POST', url, payload })
    const tooMany = await post({ firstRow: 1, rows: Array.from({ length: IMPORT_LIMITS.maxBatchRows + 1 }, (_, k) => goodRow(k)) })
    expect(tooMany.statusCode).toBe(400)
    expect(tooMany.json().code).toBe('VALIDATION_FAILED')
    const pastEnd = await post({ firstRow: 9, rows: [goodRow(1), goodRow(2), goodRow(3)] })
    expect([pastEnd.statusCode, pastEnd.json().fields]).toEqual([400, [{ field: 'firstRow', message: 'the import has 10 rows' }]])
    expect((await post({ firstRow: 1, rows: [{ ...goodRow(1), colour: 'red' }] })).statusCode).toBe(400)
    expect((await post({ firstRow: 1, rows: [] })).statusCode).toBe(400)
    expect((await post({ firstRow: 0, rows: [goodRow(1)] })).statusCode).toBe(400)
    expect((await post({ firstRow: 1, rows: [goodRow(1)] }, '/api/staff/imports/999999/rows')).statusCode).toBe(404)
    const unknownCampaign = await planner.inject({ method: 'POST', url: '/api/staff/imports', payload: { fileName: 'x.csv', totalRows: 1, campaign: 999999 } })
    expect([unknownCampaign.statusCode, unknownCampaign.json().fields?.[0]?.field]).toEqual([400, 'campaign'])
    const forbidden = await moderator.inject({ method: 'POST', url: `/api/staff/imports/${id}/rows`, payload: { firstRow: 1, rows: [goodRow(1)] } })
    expect(forbidden.statusCode).toBe(403)
    expect(await pinCount()).toBe(before)
  })
})
