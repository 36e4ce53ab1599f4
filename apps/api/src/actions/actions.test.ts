import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { buildApp } from '../app.ts'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { INSIDE, seedTestMunicipality, testConfig } from '../../test/fixtures.ts'
import { TestClock, createStaff, login, type StaffAgent } from '../../test/staff.ts'
import { actionItemForPin } from './public-actions.queries.ts'

const HULL = {
  type: 'Polygon',
  coordinates: [[[13.099, 55.799], [13.101, 55.799], [13.101, 55.801], [13.099, 55.801], [13.099, 55.799]]],
}

describe.each(ENGINES)('action plan on %s', (engine) => {
  let db: TestDb
  let app: FastifyInstance
  let municipalityId: number
  const clock = new TestClock()
  let planner: StaffAgent
  let police: StaffAgent
  let partner: StaffAgent
  let admin: StaffAgent

  beforeAll(async () => {
    db = await openTestDb(engine)
    ;({ municipalityId } = await seedTestMunicipality(db.kysely))
    app = await buildApp({ config: testConfig(), db, clock: clock.now })
    planner = await login(app, await createStaff(db.kysely, municipalityId, 'planner'))
    police = await login(app, await createStaff(db.kysely, municipalityId, 'police'))
    admin = await login(app, await createStaff(db.kysely, municipalityId, 'admin'))
    partner = await login(app, await createStaff(db.kysely, municipalityId, 'partner', { organisation: 'Kävlingehem' }))
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  async function pin(): Promise<number> {
    const res = await app.inject({ method: 'POST', url: '/api/pins', payload: { ...INSIDE, category: 'lighting', severity: 4, timesOfDay: ['evening'] } })
    expect(res.statusCode).toBe(201)
    return res.json().id
  }
  const create = (payload: object) => planner.inject({ method: 'POST', url: '/api/staff/actions', payload })
  const patch = (agent: StaffAgent, id: number, payload: object) => agent.inject({ method: 'PATCH', url: `/api/staff/actions/${id}`, payload })
  const pinRow = (id: number) => db.kysely.selectFrom('pin').select(['status', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow()
  const events = (id: number) => db.kysely.selectFrom('pin_status_event').selectAll().where('pin_id', '=', id).orderBy('id').execute()

  it('offers the default focus areas and organisations, and the partner organisations', async () => {
    const res = await police.inject({ url: '/api/staff/actions/options' })
    expect(res.statusCode).toBe(200)
    const o = res.json()
    expect(o.focusAreas.map((f: { labelSv: string }) => f.labelSv)).toEqual(['Trygghet i offentlig miljö', 'Trafik'])
    expect(o.organisations.map((f: { key: string }) => f.key)).toEqual(['municipality', 'police', 'property_owner', 'other'])
    expect(o.partnerOrganisations).toEqual(['Kävlingehem'])
  })

  it('creates an item from a hotspot hull with its pins, which become reviewed with a history entry', async () => {
    const pins = [await pin(), await pin()]
    const res = await create({
      title: 'Bättre belysning i parken',
      description: 'Byt armaturer',
      focusArea: 'public_space',
      expectedEffect: 'Fler känner sig trygga på kvällen',
      organisation: 'municipality',
      owner: 'Gatuenheten',
      startsOn: '2026-04-01',
      dueOn: '2026-06-30',
      indicator: 'Andel trygga i trygghetsmätningen',
      followUpInterval: 'quarterly',
      area: HULL,
      areaSource: 'hotspot',
      hotspotRef: 'dbscan-1',
      pinIds: pins,
    })
    expect(res.statusCode).toBe(201)
    const item = res.json()
    expect(item).toMatchObject({ status: 'proposed', focusArea: 'public_space', startsOn: '2026-04-01', dueOn: '2026-06-30', followUpInterval: 'quarterly', areaSource: 'hotspot', isPublic: false, completedAt: null })
    expect(item.pinIds).toEqual([...pins].sort((a, b) => a - b))
    expect(item.area.type).toBe('MultiPolygon')
    expect(item.area.coordinates[0][0]).toHaveLength(5)
    for (const id of pins) {
      expect((await pinRow(id)).status).toBe('reviewed')
      expect((await events(id)).map((e) => [e.status, e.action_item_id])).toEqual([['reviewed', item.id]])
    }
    const detail = (await planner.inject({ url: `/api/staff/actions/${item.id}` })).json()
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['action_item.create'])
    expect(detail.history[0].actor.email).toMatch(/^planner/)
  })

  it('carries status changes to linked pins, with the reason of not done, and keeps an audit trail', async () => {
    const pins = [await pin(), await pin()]
    const item = (await create({ title: 'Hastighetskontroller', focusArea: 'traffic', organisation: 'police', pinIds: pins, status: 'planned' })).json()
    expect((await pinRow(pins[0]!)).status).toBe('action_planned')
    clock.advance(60_000)
    expect((await patch(planner, item.id, { status: 'in_progress' })).statusCode).toBe(200)
    // planned → in progress is still "action planned" for the pin: no new history entry.
    expect((await events(pins[0]!)).map((e) => e.status)).toEqual(['action_planned'])
    clock.advance(60_000)
    const done = await patch(planner, item.id, { status: 'done', publicNote: 'Fem kontroller genomförda', isPublic: true })
    expect(done.statusCode).toBe(200)
    expect(done.json().completedAt).toBe(clock.now().toISOString())
    for (const id of pins) {
      expect((await pinRow(id)).status).toBe('done')
      expect((await events(id)).map((e) => [e.status, e.action_item_id])).toEqual([['action_planned', item.id], ['done', item.id]])
    }
    const notDone = await patch(planner, item.id, { status: 'not_done' })
    expect(notDone.statusCode).toBe(400)
    expect(notDone.json().fields).toEqual([expect.objectContaining({ field: 'statusReason' })])
    expect((await patch(planner, item.id, { status: 'not_done', statusReason: 'Ingen budget i år' })).statusCode).toBe(200)
    const last = (await events(pins[1]!)).at(-1)!
    expect([last.status, last.reason]).toEqual(['not_done', 'Ingen budget i år'])
    const trail = (await admin.inject({ url: `/api/staff/actions/${item.id}` })).json().history
    expect(trail.map((h: { action: string }) => h.action)).toEqual(['action_item.status', 'action_item.status', 'action_item.status', 'action_item.create'])
    expect(trail[0]).toMatchObject({ reason: 'Ingen budget i år', before: { status: 'done' }, after: { status: 'not_done' } })
  })

  it('gives newly linked pins the item status', async () => {
    const first = await pin()
    const item = (await create({ title: 'Klotter', focusArea: 'public_space', organisation: 'municipality', pinIds: [first], status: 'in_progress' })).json()
    const added = await pin()
    const res = await patch(planner, item.id, { pinIds: [first, added] })
    expect(res.json().pinIds).toEqual([first, added])
    expect((await pinRow(added)).status).toBe('action_planned')
    expect((await events(added)).map((e) => e.action_item_id)).toEqual([item.id])
  })

  it('refuses bad input with field errors', async () => {
    const base = { title: 'X', focusArea: 'public_space', organisation: 'municipality' }
    const cases: [object, string][] = [
      [{ ...base, focusArea: 'nope' }, 'focusArea'],
      [{ ...base, organisation: 'nope' }, 'organisation'],
      [{ ...base, pinIds: [999_999_999] }, 'pinIds'],
      [{ ...base, startsOn: '2026-05-01', dueOn: '2026-04-01' }, 'dueOn'],
      [{ ...base, area: { type: 'Polygon', coordinates: [[[13, 55], [13.1, 55.1], [13, 55.1], [13.1, 55], [13, 55]]] }, areaSource: 'drawn' }, 'area'],
      [{ ...base, area: HULL }, 'areaSource'],
      [{ ...base, status: 'not_done' }, 'statusReason'],
    ]
    for (const [payload, field] of cases) {
      const res = await create(payload)
      expect([field, res.statusCode, res.json().code]).toEqual([field, 400, 'VALIDATION_FAILED'])
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field)
    }
    for (const payload of [{ focusArea: 'traffic', organisation: 'police' }, { ...base, title: ' ' }, { ...base, colour: 'red' }, { ...base, status: 'finished' }]) {
      expect((await create(payload)).statusCode).toBe(400)
    }
    expect((await patch(planner, 1, {})).statusCode).toBe(400)
    expect((await planner.inject({ url: '/api/staff/actions?status=done,finished' })).statusCode).toBe(400)
    expect((await planner.inject({ url: '/api/staff/actions/999999' })).statusCode).toBe(404)
    expect((await police.inject({ method: 'POST', url: '/api/staff/actions', payload: base })).statusCode).toBe(403)
  })

  it("shows partners only their organisation's items and lets them change status and owner only", async () => {
    const theirs = (await create({ title: 'Trimma buskar', focusArea: 'public_space', organisation: 'property_owner', partnerOrganisation: 'Kävlingehem' })).json()
    const other = (await create({ title: 'Annat bolag', focusArea: 'public_space', organisation: 'property_owner', partnerOrganisation: 'Annat AB' })).json()
    const list = (await partner.inject({ url: '/api/staff/actions' })).json().items
    expect(list.map((i: { id: number }) => i.id)).toEqual([theirs.id])
    expect((await partner.inject({ url: `/api/staff/actions/${other.id}` })).statusCode).toBe(404)
    expect((await patch(partner, other.id, { status: 'planned' })).statusCode).toBe(404)
    const ok = await patch(partner, theirs.id, { status: 'in_progress', owner: 'Förvaltare Öst' })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ status: 'in_progress', owner: 'Förvaltare Öst' })
    const refused = await patch(partner, theirs.id, { title: 'Nytt namn', isPublic: true })
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'FORBIDDEN'])
    expect((await planner.inject({ url: `/api/staff/actions/${theirs.id}` })).json().item.title).toBe('Trimma buskar')
    const csv = (await partner.inject({ url: '/api/staff/actions/export.csv' })).body
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2)
  })

  it('exports the filtered plan as CSV with formula cells neutralised', async () => {
    await create({ title: '=HYPERLINK("http://evil.example","klicka")', description: '+1; -2, "@x"', focusArea: 'traffic', organisation: 'other', owner: '@ägare' })
    const res = await police.inject({ url: '/api/staff/actions/export.csv?focusArea=traffic' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="atgardsplan-\d{4}-\d{2}-\d{2}\.csv"$/)
    expect(res.body.startsWith('\uFEFFid,title,')).toBe(true)
    const row = res.body.split('\r\n').find((l) => l.includes('HYPERLINK'))!
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""klicka"")"`)
    expect(row).toContain(`"'+1; -2, ""@x"""`)
    expect(row).toContain(`,'@ägare,`)
    expect(row).toContain(',Trafik,')
    const listed = (await police.inject({ url: '/api/staff/actions?focusArea=traffic' })).json().items.length
    expect(res.body.split('\r\n').filter(Boolean)).toHaveLength(listed + 1)
  })

  it('exports the items with an area as GeoJSON', async () => {
    const drawn = (await create({ title: 'Ritat område', focusArea: 'traffic', organisation: 'police', area: HULL, areaSource: 'drawn' })).json()
    const res = await police.inject({ url: '/api/staff/actions/export.geojson?focusArea=traffic' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/)
    const fc = res.json()
    expect(fc.type).toBe('FeatureCollection')
    const f = fc.features.find((x: { id: number }) => x.id === drawn.id)
    expect(f).toMatchObject({ type: 'Feature', geometry: { type: 'MultiPolygon' }, properties: { title: 'Ritat område', areaSource: 'drawn' } })
    expect(f.properties.area).toBeUndefined()
    const withArea = (await police.inject({ url: '/api/staff/actions?focusArea=traffic' })).json().items.filter((i: { area: unknown }) => i.area)
    expect(fc.features).toHaveLength(withArea.length)
  })

  it('publishes public items at /api/results, on the follow view of a linked pin, and done ones in the Atom feed', async () => {
    const linked = await pin()
    const hidden = (await create({ title: 'Intern åtgärd', focusArea: 'public_space', organisation: 'municipality', status: 'planned' })).json()
    const proposed = (await create({ title: 'Förslag', focusArea: 'public_space', organisation: 'municipality', isPublic: true })).json()
    const shown = (await create({ title: 'Ny belysning <Storgatan> & torget', focusArea: 'public_space', organisation: 'municipality', isPublic: true, publicNote: 'Nya lampor', pinIds: [linked], status: 'planned', area: HULL, areaSource: 'drawn' })).json()
    expect(await actionItemForPin(db.kysely, municipalityId, linked)).toMatchObject({ id: shown.id, status: 'planned', publicNote: 'Nya lampor', pinCount: 1 })
    clock.advance(5 * 60_000)
    expect((await patch(planner, shown.id, { status: 'done' })).statusCode).toBe(200)
    const results = (await app.inject('/api/results')).json()
    const ids = results.items.map((i: { id: number }) => i.id)
    expect(ids).toContain(shown.id)
    expect(ids).not.toContain(hidden.id)
    expect(ids).not.toContain(proposed.id)
    expect(results.items.find((i: { id: number }) => i.id === shown.id)).toMatchObject({
      status: 'done', focusArea: { key: 'public_space', labelSv: 'Trygghet i offentlig miljö' }, area: { type: 'MultiPolygon' }, completedAt: clock.now().toISOString(),
    })
    expect(results.counts.done).toBeGreaterThanOrEqual(1)
    expect(results.campaigns[0]).toMatchObject({ campaign: { name: 'Löpande' }, previous: null })
    expect(results.campaigns[0].pinCount).toBeGreaterThan(0)
    expect(results.campaigns[0].categories.lighting).toBe(results.campaigns[0].pinCount)
    expect((await actionItemForPin(db.kysely, municipalityId, linked))?.status).toBe('done')
    expect(await actionItemForPin(db.kysely, municipalityId + 1, linked)).toBeNull()

    const feed = await app.inject('/api/results/feed.atom')
    expect(feed.statusCode).toBe(200)
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8')
    expect(XMLValidator.validate(feed.body)).toBe(true)
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(feed.body).feed
    expect(doc['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(doc.id).toMatch(/^tag:localhost,2026:testkommun:results$/)
    expect(doc.title).toBe('Genomförda åtgärder – Testkommun')
    expect(doc.updated).toBe(clock.now().toISOString())
    expect(doc.link.find((l: Record<string, string>) => l['@_rel'] === 'self')['@_href']).toBe('http://localhost:80/api/results/feed.atom')
    for (const e of doc.entry) expect([typeof e.id, typeof e.title, typeof e.updated]).toEqual(['string', 'string', 'string'])
    const entry = doc.entry.find((e: { id: string }) => e.id.endsWith(`:action-item:${shown.id}`))
    expect(entry).toMatchObject({ title: 'Ny belysning <Storgatan> & torget', summary: 'Nya lampor', updated: clock.now().toISOString() })
    expect(feed.body).toContain('Ny belysning &lt;Storgatan&gt; &amp; torget')
    expect(doc.entry.some((e: { id: string }) => e.id.endsWith(`:action-item:${hidden.id}`))).toBe(false)
  })

  it('lets an admin configure the focus areas; a left-out one becomes inactive and is refused for new items', async () => {
    const kept = (await create({ title: 'Trafikåtgärd', focusArea: 'traffic', organisation: 'police' })).json()
    const put = (agent: StaffAgent, payload: object) => agent.inject({ method: 'PUT', url: '/api/staff/actions/options', payload })
    const res = await put(admin, {
      focusAreas: [
        { key: 'public_space', labelSv: 'Trygghet i offentlig miljö', labelEn: 'Safety in public space', active: true },
        { key: 'youth', labelSv: 'Unga', labelEn: 'Young people', active: true },
      ],
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().focusAreas.map((f: { key: string; active: boolean }) => [f.key, f.active])).toEqual([['public_space', true], ['youth', true], ['traffic', false]])
    expect(res.json().organisations).toHaveLength(4)
    expect((await create({ title: 'Fritidsgård', focusArea: 'youth', organisation: 'municipality' })).statusCode).toBe(201)
    expect((await create({ title: 'Ny trafik', focusArea: 'traffic', organisation: 'police' })).json().fields[0].field).toBe('focusArea')
    expect((await patch(planner, kept.id, { title: 'Trafikåtgärd, ändrad' })).statusCode).toBe(200)
    expect((await put(planner, { focusAreas: [] })).statusCode).toBe(403)
    expect((await put(admin, { focusAreas: [] })).statusCode).toBe(400)
    expect((await put(admin, {})).statusCode).toBe(400)
    const twice = { key: 'youth', labelSv: 'Unga', labelEn: 'Young people', active: true }
    expect((await put(admin, { focusAreas: [twice, twice] })).statusCode).toBe(400)
    expect((await put(admin, { organisations: [{ ...twice, active: false }] })).statusCode).toBe(400)
    const audit = (await admin.inject({ url: '/api/staff/audit?entityType=action_focus_area' })).json().entries
    expect(audit[0]).toMatchObject({ action: 'action_options.update', after: expect.arrayContaining([expect.objectContaining({ key: 'youth' })]) })
  })
})
