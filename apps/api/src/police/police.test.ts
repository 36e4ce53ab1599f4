import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import type { Control, ControlEffect, Snapshot, SnapshotList, TrafficAreasResult } from '@trygg/domain'
import { buildApp } from '../app.ts'
import { insertPinInsideBoundary } from '../pins/pins.queries.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INJECT_ORIGIN, TestClock, createStaff, login, type StaffAgent } from '../../test/staff.ts'
import { seedTestMunicipality, testConfig } from '../../test/fixtures.ts'

// Fixture (Europe/Stockholm; the clock stands at 2026-03-02 09:00 local):
//   A "Storgatan" around (13.1, 55.8): 6 speeding pins of severity 4 from 2025-06-01
//     (weekday × evening ×3, weekend × night ×2, unsaid × evening+night ×1), 5 lighting pins (not traffic),
//     and 9 dangerous_traffic pins of severity 3 at its centre, unsaid × day, dated around a control on 2026-02-20:
//     02-05 (week −3), 02-12 ×2 (week −2), 02-13, 02-19 ×2 (week −1), 02-20 (the control day), 02-21 (week 1), 02-28 (week 2).
//   B around (13.15, 55.82): 3 moped pins of severity 2 from 2026-02-25, both × evening.
//   A lone dangerous_traffic pin far away on 2026-02-19 (noise) and a lighting pin at A on 2026-02-19.
const A = { lon: 13.1, lat: 55.8 }
const B = { lon: 13.15, lat: 55.82 }
const C = { lon: 13.05, lat: 55.78 }
const OFFSETS = [[0, 0], [0.0002, 0], [-0.0002, 0], [0, 0.0001], [0, -0.0001], [0.0001, 0.0001]] as const

describe.each(ENGINES)('police traffic view on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let municipalityId: number
  let categories: Map<string, number>
  const agents: Record<string, StaffAgent> = {}
  let areaA: string

  async function pin(category: string, at: { lon: number; lat: number }, opts: { severity?: number; times?: readonly ('morning' | 'day' | 'evening' | 'night')[]; dayType?: 'weekday' | 'weekend' | 'both'; date: string }) {
    const id = await insertPinInsideBoundary(db.kysely, {
      municipalityId,
      categoryId: categories.get(category)!,
      campaignId: null,
      pin: { ...at, category, severity: opts.severity ?? 3, timesOfDay: [...(opts.times ?? ['day'])], ...(opts.dayType ? { dayType: opts.dayType } : {}) },
      source: 'web',
      followTokenHash: null,
      createdAt: new Date(`${opts.date}T12:00:00Z`),
    })
    return id!
  }

  beforeAll(async () => {
    db = await openTestDb(engine)
    municipalityId = (await seedTestMunicipality(db.kysely)).municipalityId
    const rows = await db.kysely.selectFrom('category').select(['id', 'key']).where('municipality_id', '=', municipalityId).execute()
    categories = new Map(rows.map((r) => [r.key, r.id]))
    app = await buildApp({ config: testConfig(), db, clock: new TestClock(Date.parse('2026-03-02T08:00:00Z')).now })
    for (const role of ['police', 'planner', 'admin', 'moderator', 'partner'] as const) {
      agents[role] = await login(app, await createStaff(db.kysely, municipalityId, role))
    }
    const kinds = [
      { dayType: 'weekday', times: ['evening'] },
      { dayType: 'weekday', times: ['evening'] },
      { dayType: 'weekday', times: ['evening'] },
      { dayType: 'weekend', times: ['night'] },
      { dayType: 'weekend', times: ['night'] },
      { times: ['evening', 'night'] },
    ] as const
    for (const [k, [dx, dy]] of OFFSETS.entries()) {
      await pin('speeding', { lon: A.lon + dx, lat: A.lat + dy }, { severity: 4, ...kinds[k]!, date: '2025-06-01' })
      if (k < 5) await pin('lighting', { lon: A.lon + dx, lat: A.lat + dy }, { date: '2025-06-01' })
    }
    for (const date of ['2026-02-05', '2026-02-12', '2026-02-12', '2026-02-13', '2026-02-19', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-28']) {
      await pin('dangerous_traffic', A, { date })
    }
    for (const [dx, dy] of OFFSETS.slice(0, 3)) await pin('moped', { lon: B.lon + dx, lat: B.lat + dy }, { severity: 2, times: ['evening'], dayType: 'both', date: '2026-02-25' })
    await pin('dangerous_traffic', { lon: 13.19, lat: 55.84 }, { date: '2026-02-19' })
    await pin('lighting', A, { date: '2026-02-19' })
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  it('ranks the traffic areas with counts, mean severity, trend and the when-matrix', async () => {
    const res = await agents.police!.inject({ url: '/api/police/areas' })
    expect(res.statusCode).toBe(200)
    const body = res.json() as TrafficAreasResult
    expect(body.pinCount).toBe(19)
    expect(body.categories.map((c) => c.key).sort()).toEqual(['dangerous_traffic', 'moped', 'parking', 'speeding'])
    expect(body.features.map((f) => [f.properties.rank, f.properties.pinCount, f.properties.meanSeverity, f.properties.score])).toEqual([
      [1, 15, 3.4, 51],
      [2, 3, 2, 6],
    ])
    const [a, b] = body.features.map((f) => f.properties)
    areaA = a!.id
    expect(a!.categories).toEqual({ speeding: 6, dangerous_traffic: 9 })
    expect(a!.matrix).toEqual({
      weekday: { morning: 0, day: 0, evening: 3, night: 0 },
      weekend: { morning: 0, day: 0, evening: 0, night: 2 },
      unspecified: { morning: 0, day: 9, evening: 1, night: 1 },
    })
    expect(a!.trend).toEqual({ weeks: 4, previous: 0, recent: 9, change: 9 })
    expect(b!.matrix.weekday.evening).toBe(3)
    expect(b!.matrix.weekend.evening).toBe(3)
    expect(b!.trend).toEqual({ weeks: 4, previous: 0, recent: 3, change: 3 })

    const speeding = (await agents.planner!.inject({ url: '/api/police/areas?category=speeding' })).json() as TrafficAreasResult
    expect(speeding.features.map((f) => f.properties.pinCount)).toEqual([6])
    const bad = await agents.police!.inject({ url: '/api/police/areas?category=lighting,nope&from=2026-02-02&to=2026-01-01' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(['category', 'from'])
  })

  it('lets police record, change and delete controls, and checks what they send', async () => {
    const valid = { kind: 'speed_check', place: { type: 'Point', coordinates: [A.lon, A.lat] }, date: '2026-02-20', startTime: '07:00', endTime: '09:30', vehiclesChecked: 120, violations: 14, notes: 'Hastighetskontroll vid skolan', areaId: areaA }
    const created = await agents.police!.inject({ method: 'POST', url: '/api/police/controls', payload: valid })
    expect(created.statusCode).toBe(201)
    const control = created.json() as Control
    expect(control).toMatchObject({ kind: 'speed_check', date: '2026-02-20', startTime: '07:00', endTime: '09:30', vehiclesChecked: 120, violations: 14, createdBy: `police-${municipalityId}@trygg.test` })
    expect(control.area?.id).toBe(areaA)
    expect(control.area?.geometry.type).toBe('Polygon')

    const segment = { ...valid, kind: 'behaviour_monitoring', place: { type: 'LineString', coordinates: [[13.15, 55.82], [13.152, 55.82]] }, areaId: null, actionItemId: 42, endTime: '01:00', startTime: '22:00' }
    const second = await agents.police!.inject({ method: 'POST', url: '/api/police/controls', payload: segment })
    expect(second.statusCode).toBe(201)
    expect(second.json()).toMatchObject({ place: segment.place, area: null, actionItemId: 42, startTime: '22:00', endTime: '01:00' })

    const cases: [object, number, string][] = [
      [{ ...valid, violations: 121 }, 400, 'violations'],
      [{ ...valid, endTime: '07:00' }, 400, 'endTime'],
      [{ ...valid, startTime: '25:00' }, 400, 'startTime'],
      [{ ...valid, kind: 'roadblock' }, 400, 'kind'],
      [{ ...valid, extra: 1 }, 400, ''],
      [{ ...valid, place: { type: 'LineString', coordinates: [[A.lon, A.lat], [A.lon, A.lat]] } }, 400, 'place'],
      [{ ...valid, place: { type: 'Point', coordinates: [A.lon, A.lat, 12] } }, 400, 'place'],
      [{ ...valid, place: { type: 'Point', coordinates: [13.0, 55.6] } }, 422, 'place'],
      [{ ...valid, areaId: 'dbscan-999999' }, 422, 'areaId'],
    ]
    for (const [payload, status, field] of cases) {
      const res = await agents.police!.inject({ method: 'POST', url: '/api/police/controls', payload })
      expect([field, res.statusCode]).toEqual([field, status])
      if (field) expect(res.json().fields.map((f: { field: string }) => f.field).join()).toContain(field)
    }

    const changed = await agents.police!.inject({ method: 'PATCH', url: `/api/police/controls/${second.json().id}`, payload: { violations: 3, notes: null } })
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toMatchObject({ violations: 3, notes: null, actionItemId: 42 })
    expect((await agents.police!.inject({ method: 'PATCH', url: `/api/police/controls/${second.json().id}`, payload: { violations: 500 } })).statusCode).toBe(400)

    const list = (await agents.planner!.inject({ url: '/api/police/controls' })).json().controls as Control[]
    // Newest date first, then the later start.
    expect(list.map((c) => c.id)).toEqual([second.json().id, control.id])
    expect((await agents.planner!.inject({ url: `/api/police/controls?areaId=${areaA}` })).json().controls.map((c: Control) => c.id)).toEqual([control.id])

    const { rows } = await sql<{ action: string }>`SELECT action FROM audit_log WHERE entity_type = 'police_control' ORDER BY id`.execute(db.kysely)
    expect(rows.map((r) => r.action)).toEqual(['police_control.create', 'police_control.create', 'police_control.update'])

    expect((await agents.police!.inject({ method: 'DELETE', url: `/api/police/controls/${second.json().id}` })).statusCode).toBe(204)
    expect((await agents.police!.inject({ method: 'DELETE', url: `/api/police/controls/${second.json().id}` })).statusCode).toBe(404)
  })

  it('counts the traffic pins in the area N weeks before and after a control', async () => {
    const [control] = (await agents.police!.inject({ url: `/api/police/controls?areaId=${areaA}` })).json().controls as Control[]
    const two = (await agents.planner!.inject({ url: `/api/police/controls/${control!.id}/effect?weeks=2` })).json() as ControlEffect
    expect(two).toEqual({
      controlId: control!.id,
      date: '2026-02-20',
      weeks: 2,
      basis: 'area',
      before: 5,
      after: 2,
      afterComplete: false,
      series: [
        { week: -2, start: '2026-02-06', count: 2 },
        { week: -1, start: '2026-02-13', count: 3 },
        { week: 1, start: '2026-02-21', count: 1 },
        { week: 2, start: '2026-02-28', count: 1 },
      ],
    })
    const three = (await agents.police!.inject({ url: `/api/police/controls/${control!.id}/effect?weeks=3` })).json() as ControlEffect
    expect([three.before, three.after]).toEqual([6, 2])
    const one = (await agents.police!.inject({ url: `/api/police/controls/${control!.id}/effect?weeks=1` })).json() as ControlEffect
    expect([one.before, one.after, one.afterComplete]).toEqual([3, 1, true])
    // Default N from TRYGG_POLICE_EFFECT_WEEKS (4).
    expect((await agents.police!.inject({ url: `/api/police/controls/${control!.id}/effect` })).json().weeks).toBe(4)
    expect((await agents.police!.inject({ url: `/api/police/controls/${control!.id}/effect?weeks=0` })).statusCode).toBe(400)
    expect((await agents.police!.inject({ url: '/api/police/controls/999999/effect' })).statusCode).toBe(404)

    // Without a linked area: the pins within 150 m of the place (the lone pin 3 km away is not).
    const far = await agents.police!.inject({ method: 'POST', url: '/api/police/controls', payload: { kind: 'speed_check', place: { type: 'Point', coordinates: [A.lon + 0.001, A.lat] }, date: '2026-02-20', startTime: '07:00', endTime: '08:00', vehiclesChecked: 10, violations: 0 } })
    const radius = (await agents.police!.inject({ url: `/api/police/controls/${far.json().id}/effect?weeks=2` })).json() as ControlEffect
    expect([radius.basis, radius.before, radius.after]).toEqual(['radius', 5, 2])
    await agents.police!.inject({ method: 'DELETE', url: `/api/police/controls/${far.json().id}` })
  })

  it('counts the traffic pins in the area of a done action item N weeks before and after it was done', async () => {
    const item = async (status: string, completedAt: string | null, withArea = true) => {
      const at = new Date('2026-01-10T09:00:00Z')
      const area = sql`ST_Multi(ST_MakeEnvelope(${A.lon - 0.001}::float8, ${A.lat - 0.001}::float8, ${A.lon + 0.001}::float8, ${A.lat + 0.001}::float8, 4326))`
      const { rows } = await sql<{ id: number }>`
        INSERT INTO action_item (municipality_id, title, focus_area_key, organisation_key, status, completed_at, area, area_source, created_at, updated_at)
        VALUES (${municipalityId}, 'Farthinder på Storgatan', 'traffic', 'municipality', ${status}, ${completedAt}, ${withArea ? area : null}, ${withArea ? 'drawn' : null}, ${at}, ${at})
        RETURNING id`.execute(db.kysely)
      return rows[0]!.id
    }
    // Done in the evening of 2026-02-20 local time: the same day as the control above.
    const done = await item('done', '2026-02-20T18:00:00Z')
    const effect = (await agents.planner!.inject({ url: `/api/police/actions/${done}/effect?weeks=2` })).json()
    expect(effect).toEqual({
      actionItemId: done,
      date: '2026-02-20',
      weeks: 2,
      before: 5,
      after: 2,
      afterComplete: false,
      series: [
        { week: -2, start: '2026-02-06', count: 2 },
        { week: -1, start: '2026-02-13', count: 3 },
        { week: 1, start: '2026-02-21', count: 1 },
        { week: 2, start: '2026-02-28', count: 1 },
      ],
    })
    expect((await agents.police!.inject({ url: `/api/police/actions/${await item('in_progress', null)}/effect` })).statusCode).toBe(409)
    expect((await agents.police!.inject({ url: `/api/police/actions/${await item('done', '2026-02-20T18:00:00Z', false)}/effect` })).statusCode).toBe(409)
    expect((await agents.police!.inject({ url: '/api/police/actions/999999/effect' })).statusCode).toBe(404)
    expect((await agents.moderator!.inject({ url: `/api/police/actions/${done}/effect` })).statusCode).toBe(403)
  })

  it('keeps snapshots and lists what changed since the previous one', async () => {
    const first = await agents.police!.inject({ method: 'POST', url: '/api/police/snapshots', payload: { name: 'Lägesbild februari' } })
    expect(first.statusCode).toBe(201)
    const s1 = first.json() as Snapshot
    expect(s1.areas.map((a) => a.pinCount)).toEqual([15, 3])
    expect(s1.controls).toHaveLength(1)
    expect(s1.diff.counts).toEqual({ new: 2, grown: 0, shrunk: 0, unchanged: 0, gone: 0 })

    // Since then: B's pins were hidden, A got two more, and a new area C appeared.
    await sql`UPDATE pin SET moderation = 'hidden' WHERE category_id = ${categories.get('moped')!}`.execute(db.kysely)
    await pin('speeding', A, { date: '2026-03-01' })
    await pin('speeding', A, { date: '2026-03-01' })
    for (const [dx, dy] of OFFSETS.slice(0, 3)) await pin('parking', { lon: C.lon + dx, lat: C.lat + dy }, { date: '2026-03-01' })

    const second = await agents.police!.inject({ method: 'POST', url: '/api/police/snapshots', payload: { name: '=HYPERLINK("http://evil.example","mars")' } })
    const s2 = second.json() as Snapshot
    expect(s2.diff.previousId).toBe(s1.id)
    expect(s2.diff.counts).toEqual({ new: 1, grown: 1, shrunk: 0, unchanged: 0, gone: 1 })
    expect(s2.diff.changes.map((c) => [c.change, c.pinCount, c.previousPinCount])).toEqual([
      ['grown', 17, 15],
      ['new', 3, 0],
      ['gone', 0, 3],
    ])

    const list = (await agents.planner!.inject({ url: '/api/police/snapshots' })).json() as SnapshotList
    expect(list.snapshots.map((s) => [s.id, s.areaCount, s.controlCount, s.diff.counts.new])).toEqual([
      [s2.id, 2, 1, 1],
      [s1.id, 2, 1, 2],
    ])
    expect((await agents.admin!.inject({ url: `/api/police/snapshots/${s1.id}` })).json().name).toBe('Lägesbild februari')

    const csv = await agents.planner!.inject({ url: `/api/police/snapshots/${s2.id}/export.csv` })
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="lagesbild-${s2.id}.csv"`)
    const lines = csv.body.trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'snapshot,taken_at,rank,area_id,centroid_lon,centroid_lat,pins,agreements,mean_severity,score,categories,' +
        'weekday_morning,weekday_day,weekday_evening,weekday_night,weekend_morning,weekend_day,weekend_evening,weekend_night,' +
        'unspecified_morning,unspecified_day,unspecified_evening,unspecified_night',
    )
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.example"",""mars""\)",2026-03-02T08:00:00\.000Z,1,dbscan-\d+,13\.1\d*,55\.8\d*,17,0,/)
    expect(lines[1]!.split(',').slice(-12).join(',')).toBe('0,0,3,0,0,0,0,2,0,11,1,1')

    const geo = await agents.police!.inject({ url: `/api/police/snapshots/${s2.id}/export.geojson` })
    expect(geo.headers['content-type']).toBe('application/geo+json; charset=utf-8')
    const fc = geo.json()
    expect(fc.features.map((f: { geometry: { type: string }; properties: { feature: string } }) => [f.properties.feature, f.geometry.type])).toEqual([
      ['area', 'Polygon'],
      ['area', 'Polygon'],
      ['control', 'Point'],
    ])
    expect(fc.features[0].properties).toMatchObject({ pins: 17, weekday_evening: 3, unspecified_day: 11 })
    expect((await agents.police!.inject({ url: '/api/police/snapshots/999999/export.csv' })).statusCode).toBe(404)
    expect((await agents.police!.inject({ method: 'POST', url: '/api/police/snapshots', payload: { name: '' } })).statusCode).toBe(400)
    expect((await agents.police!.inject({ method: 'POST', url: '/api/police/snapshots', payload: { name: '   ' } })).statusCode).toBe(400)
  })

  it('lets police read and record but not moderate; planners and admins only read it; others are refused', async () => {
    const control = { kind: 'speed_check', place: { type: 'Point', coordinates: [A.lon, A.lat] }, date: '2026-02-27', startTime: '07:00', endTime: '08:00', vehiclesChecked: 5, violations: 1 }
    const status = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      who === 'anonymous'
        ? (await app.inject({ method, url, headers: { origin: INJECT_ORIGIN }, ...(payload ? { payload } : {}) })).statusCode
        : (await agents[who]!.inject({ method, url, ...(payload ? { payload } : {}) })).statusCode
    const table: Record<string, number[]> = {}
    for (const who of ['police', 'planner', 'admin', 'moderator', 'partner', 'anonymous']) {
      table[who] = [
        await status(who, 'GET', '/api/police/areas'),
        await status(who, 'GET', '/api/police/snapshots'),
        await status(who, 'POST', '/api/police/controls', control),
        await status(who, 'POST', '/api/police/snapshots', { name: `Av ${who}` }),
        await status(who, 'GET', '/api/staff/moderation/queue'),
      ]
    }
    expect(table).toEqual({
      police: [200, 200, 201, 201, 403],
      planner: [200, 200, 403, 403, 200],
      admin: [200, 200, 403, 403, 200],
      moderator: [403, 403, 403, 403, 200],
      partner: [403, 403, 403, 403, 403],
      anonymous: [401, 401, 401, 401, 401],
    })
  })

  it('stores the optional "Vilka dagar?" answer of a new pin', async () => {
    const base = { ...A, category: 'speeding', severity: 3, timesOfDay: ['evening'] }
    const res = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...base, dayType: 'weekend' } })
    expect(res.statusCode).toBe(201)
    const { rows } = await sql<{ day_type: string | null }>`SELECT day_type FROM pin WHERE id = ${res.json().id}`.execute(db.kysely)
    expect(rows[0]!.day_type).toBe('weekend')
    const none = await app.inject({ method: 'POST', url: '/api/pins', payload: base })
    expect((await sql<{ day_type: string | null }>`SELECT day_type FROM pin WHERE id = ${none.json().id}`.execute(db.kysely)).rows[0]!.day_type).toBeNull()
    const bad = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...base, dayType: 'holiday' } })
    expect(bad.statusCode).toBe(400)
  })
})
