import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { type Control, type ControlChange, type NewControl, type Snapshot } from '@trygg/domain'
import { diffAreas } from '@trygg/geo'
import { recordAudit } from '../audit/audit.queries.ts'
import type { Config } from '../config/config.ts'
import { AppError, notFound, type FieldError } from '../errors/app-error.ts'
import { deleteControl, findControl, insertControl, listControls, placeInside, updateControl, type ControlValues } from './controls.queries.ts'
import { actionEffect, controlEffect } from './effect.queries.ts'
import {
  areasSchema,
  createControlSchema,
  createSnapshotSchema,
  deleteControlSchema,
  actionEffectSchema,
  effectSchema,
  exportSchema,
  getSnapshotSchema,
  listControlsSchema,
  listSnapshotsSchema,
  updateControlSchema,
} from './police.schema.ts'
import { snapshotCsv, snapshotGeoJson } from './snapshot-export.ts'
import { findSnapshot, insertSnapshot, latestSnapshotAreas, listSnapshots } from './snapshots.queries.ts'
import { resolveParams, trafficAreas, trafficContext, trafficFilter, type TrafficContext } from './traffic-areas.ts'

/** Staff who may read the traffic view: police, and planners and admins to share the picture. */
export const POLICE_READ_ROLES = ['police', 'planner', 'admin'] as const
/** Staff who record controls and take snapshots. */
export const POLICE_WRITE_ROLES = ['police'] as const

/**
 * The police traffic view under `/api/police/`: traffic problem areas with their when-matrix,
 * controls performed, "did it help", and lägesbild snapshots with GeoJSON and CSV export.
 */
export default async function police(appBase: FastifyInstance, opts: { config: Readonly<Config> }) {
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()
  const read = { roles: POLICE_READ_ROLES }
  const write = { roles: POLICE_WRITE_ROLES }
  const weeks = opts.config.policeEffectWeeks
  const staffOf = (request: FastifyRequest) => request.staff!
  const context = (request: FastifyRequest) => trafficContext(app.db.kysely, staffOf(request).municipalityId)

  app.get('/api/police/areas', { schema: areasSchema, config: read }, async (request) => {
    const ctx = await context(request)
    return trafficAreas(app.db.kysely, ctx, resolveParams(ctx, request.query), app.now(), weeks)
  })

  app.get('/api/police/controls', { schema: listControlsSchema, config: read }, async (request) => {
    const q = request.query
    if (q.from && q.to && q.from > q.to) throw invalid([{ field: 'from', message: 'must not be after to' }])
    return { controls: await listControls(app.db.kysely, staffOf(request).municipalityId, { from: q.from ?? null, to: q.to ?? null, areaId: q.areaId ?? null }) }
  })

  /** The stored values of a new or changed control, checked against the municipality and its areas. */
  async function controlValues(ctx: TrafficContext, body: NewControl | ControlChange, current: Control | null): Promise<ControlValues> {
    const v: ControlValues = {
      kind: body.kind ?? current!.kind,
      place: body.place ?? current!.place,
      date: body.date ?? current!.date,
      startTime: body.startTime ?? current!.startTime,
      endTime: body.endTime ?? current!.endTime,
      vehiclesChecked: body.vehiclesChecked ?? current!.vehiclesChecked,
      violations: body.violations ?? current!.violations,
      notes: body.notes === undefined ? (current?.notes ?? null) : body.notes?.trim() || null,
      // A new link takes the area's hull as listed now; an untouched link keeps the hull it had.
      area: body.areaId === undefined ? (current?.area ?? null) : null,
      actionItemId: body.actionItemId === undefined ? (current?.actionItemId ?? null) : body.actionItemId,
    }
    const fields: FieldError[] = []
    if (v.violations > v.vehiclesChecked) fields.push({ field: 'violations', message: 'must not exceed vehiclesChecked' })
    if (v.startTime === v.endTime) fields.push({ field: 'endTime', message: 'must differ from startTime' })
    if (v.place.type === 'LineString' && new Set(v.place.coordinates.map((c) => c.join(','))).size < 2) {
      fields.push({ field: 'place', message: 'a road segment needs two different points' })
    }
    if (fields.length) throw invalid(fields)
    if ((body.place || !current) && !(await placeInside(app.db.kysely, ctx.area.municipalityId, v.place))) {
      throw new AppError(422, 'PIN_OUTSIDE_BOUNDARY', 'The place is outside the municipality.', 'Platsen ligger utanför kommunen.', [
        { field: 'place', message: 'is outside the municipality boundary' },
      ])
    }
    const areaId = body.areaId
    if (areaId) {
      const { features } = await trafficAreas(app.db.kysely, ctx, resolveParams(ctx, {}), app.now(), weeks)
      const area = features.find((f) => f.properties.id === areaId)
      if (!area) {
        throw new AppError(422, 'VALIDATION_FAILED', `No current traffic area ${areaId}.`, 'Området finns inte längre; ladda om kartan.', [
          { field: 'areaId', message: 'is not a current traffic area' },
        ])
      }
      v.area = { id: areaId, geometry: area.geometry }
    }
    return v
  }

  app.post('/api/police/controls', { schema: createControlSchema, config: write }, async (request, reply) => {
    const staff = staffOf(request)
    const values = await controlValues(await context(request), request.body, null)
    const at = app.now()
    const control = await app.db.kysely.transaction().execute(async (trx) => {
      const id = await insertControl(trx, staff.municipalityId, values, staff.id, at)
      const created = (await findControl(trx, staff.municipalityId, id))!
      await recordAudit(trx, { municipalityId: staff.municipalityId, at, actor: staff, action: 'police_control.create', entityType: 'police_control', entityId: id, after: auditView(created) })
      return created
    })
    return reply.status(201).send(control)
  })

  app.patch('/api/police/controls/:id', { schema: updateControlSchema, config: write }, async (request) => {
    const staff = staffOf(request)
    const current = await findControl(app.db.kysely, staff.municipalityId, request.params.id)
    if (!current) throw notFound('The control', 'Kontrollen')
    const values = await controlValues(await context(request), request.body, current)
    const at = app.now()
    return app.db.kysely.transaction().execute(async (trx) => {
      await updateControl(trx, staff.municipalityId, current.id, values, at)
      const changed = (await findControl(trx, staff.municipalityId, current.id))!
      await recordAudit(trx, { municipalityId: staff.municipalityId, at, actor: staff, action: 'police_control.update', entityType: 'police_control', entityId: current.id, before: auditView(current), after: auditView(changed) })
      return changed
    })
  })

  app.delete('/api/police/controls/:id', { schema: deleteControlSchema, config: write }, async (request, reply) => {
    const staff = staffOf(request)
    const current = await findControl(app.db.kysely, staff.municipalityId, request.params.id)
    if (!current) throw notFound('The control', 'Kontrollen')
    await app.db.kysely.transaction().execute(async (trx) => {
      await deleteControl(trx, staff.municipalityId, current.id)
      await recordAudit(trx, { municipalityId: staff.municipalityId, at: app.now(), actor: staff, action: 'police_control.delete', entityType: 'police_control', entityId: current.id, before: auditView(current) })
    })
    return reply.status(204).send(null)
  })

  app.get('/api/police/controls/:id/effect', { schema: effectSchema, config: read }, async (request) => {
    const ctx = await context(request)
    const filter = trafficFilter(ctx, { categories: ctx.traffic.map((c) => c.key), from: null, to: null })
    const effect = await controlEffect(app.db.kysely, {
      municipalityId: ctx.area.municipalityId,
      controlId: request.params.id,
      filter,
      weeks: request.query.weeks ?? weeks,
      today: localDate(app.now(), ctx.area.timeZone),
    })
    if (!effect) throw notFound('The control', 'Kontrollen')
    return effect
  })

  app.get('/api/police/actions/:id/effect', { schema: actionEffectSchema, config: read }, async (request) => {
    const ctx = await context(request)
    const filter = trafficFilter(ctx, { categories: ctx.traffic.map((c) => c.key), from: null, to: null })
    const effect = await actionEffect(app.db.kysely, {
      municipalityId: ctx.area.municipalityId,
      actionItemId: request.params.id,
      filter,
      weeks: request.query.weeks ?? weeks,
      today: localDate(app.now(), ctx.area.timeZone),
    })
    if (effect === undefined) throw notFound('The action item', 'Åtgärden')
    if (effect === null) {
      throw new AppError(409, 'CONFLICT', 'The action item is not done yet or has no area.', 'Åtgärden är inte klar än eller saknar område.')
    }
    return effect
  })

  app.get('/api/police/snapshots', { schema: listSnapshotsSchema, config: read }, async (request) => ({
    snapshots: await listSnapshots(app.db.kysely, staffOf(request).municipalityId),
  }))

  app.post('/api/police/snapshots', { schema: createSnapshotSchema, config: write }, async (request, reply) => {
    const staff = staffOf(request)
    const ctx = await context(request)
    const { name, ...query } = request.body
    const params = resolveParams(ctx, query)
    const takenAt = app.now()
    const [areas, controls] = await Promise.all([
      trafficAreas(app.db.kysely, ctx, params, takenAt, weeks),
      listControls(app.db.kysely, staff.municipalityId, { from: params.from, to: params.to }),
    ])
    const snapshotAreas = areas.features.map((f) => {
      const { id, rank, centroid, pinCount, agreements, meanSeverity, score, categories, matrix } = f.properties
      return { id, rank, geometry: f.geometry, centroid, pinCount, agreements, meanSeverity, score, categories, matrix }
    })
    const id = await app.db.kysely.transaction().execute(async (trx) => {
      const previous = await latestSnapshotAreas(trx, staff.municipalityId)
      const changes = diffAreas(previous?.areas ?? [], snapshotAreas)
      const counts = { new: 0, grown: 0, shrunk: 0, unchanged: 0, gone: 0 }
      for (const c of changes) counts[c.change] += 1
      return insertSnapshot(trx, {
        municipalityId: staff.municipalityId,
        name: name.trim(),
        takenAt,
        createdBy: staff.id,
        previousId: previous?.id ?? null,
        parameters: params,
        areas: snapshotAreas,
        controls,
        diff: { previousId: previous?.id ?? null, counts, changes },
      })
    })
    return reply.status(201).send((await findSnapshot(app.db.kysely, staff.municipalityId, id))!)
  })

  async function snapshotOf(request: FastifyRequest & { params: { id: number } }): Promise<Snapshot> {
    const snapshot = await findSnapshot(app.db.kysely, staffOf(request).municipalityId, request.params.id)
    if (!snapshot) throw notFound('The snapshot', 'Lägesbilden')
    return snapshot
  }

  app.get('/api/police/snapshots/:id', { schema: getSnapshotSchema, config: read }, async (request) => snapshotOf(request))

  app.get('/api/police/snapshots/:id/export.geojson', { schema: exportSchema('GeoJSON'), config: read }, async (request, reply) => {
    const snapshot = await snapshotOf(request)
    reply.header('content-disposition', `attachment; filename="lagesbild-${snapshot.id}.geojson"`)
    return reply.type('application/geo+json; charset=utf-8').send(JSON.stringify(snapshotGeoJson(snapshot)))
  })

  app.get('/api/police/snapshots/:id/export.csv', { schema: exportSchema('CSV'), config: read }, async (request, reply) => {
    const snapshot = await snapshotOf(request)
    reply.header('content-disposition', `attachment; filename="lagesbild-${snapshot.id}.csv"`)
    return reply.type('text/csv; charset=utf-8').send(snapshotCsv(snapshot))
  })
}

/** The fields of a control the audit log keeps. */
const auditView = (c: Control) => ({ kind: c.kind, place: c.place, date: c.date, startTime: c.startTime, endTime: c.endTime, vehiclesChecked: c.vehiclesChecked, violations: c.violations, notes: c.notes, areaId: c.area?.id ?? null, actionItemId: c.actionItemId })

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)
}

function invalid(fields: FieldError[]) {
  return new AppError(400, 'VALIDATION_FAILED', `Invalid request: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`, 'Uppgifterna är inte giltiga.', fields)
}

