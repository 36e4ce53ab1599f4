import Type from 'typebox'
import {
  Control,
  ControlChange,
  ActionEffect,
  ControlEffect,
  ControlList,
  ControlsQuery,
  EffectQuery,
  ErrorBody,
  NewControl,
  NewSnapshot,
  Snapshot,
  SnapshotList,
  TrafficAreasQuery,
  TrafficAreasResult,
} from '@trygg/domain'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 503: ErrorBody }
const tags = ['police']
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) })

export const areasSchema = {
  summary: 'Traffic problem areas, ranked',
  description:
    'DBSCAN clusters (as `GET /api/staff/hotspots`) of the published pins of the traffic group of categories, highest score first, ' +
    'each with counts, mean severity, agreements, its time-of-day × day-type matrix and the trend of the last ' +
    'TRYGG_POLICE_EFFECT_WEEKS weeks against the weeks before.',
  tags,
  querystring: TrafficAreasQuery,
  response: { 200: TrafficAreasResult, ...errors },
}

export const listControlsSchema = {
  summary: 'Controls performed',
  description: 'Speed checks and behaviour monitoring, newest first; `from`/`to` limit the control date, `areaId` to one linked area.',
  tags,
  querystring: ControlsQuery,
  response: { 200: ControlList, ...errors },
}

export const createControlSchema = {
  summary: 'Record a control',
  description:
    'A point or road segment inside the municipality, date, start and end time (local), kind, vehicles checked, violations (at most ' +
    'the vehicles checked), notes; optionally linked to a traffic area as listed now with the default parameters (`areaId`) and/or an action item.',
  tags,
  body: NewControl,
  response: { 201: Control, ...errors },
}

export const updateControlSchema = {
  summary: 'Change a control',
  description: 'Any of the fields of a new control; `null` clears notes, areaId or actionItemId.',
  tags,
  params: IdParams,
  body: ControlChange,
  response: { 200: Control, ...errors },
}

export const deleteControlSchema = {
  summary: 'Delete a control',
  tags,
  params: IdParams,
  response: { 204: Type.Null(), ...errors },
}

export const effectSchema = {
  summary: 'Did it help: traffic pins before and after a control',
  description:
    'Traffic pins per week in the control’s linked area (within 150 m of its place without one), `weeks` weeks before and after the control day.',
  tags,
  params: IdParams,
  querystring: EffectQuery,
  response: { 200: ControlEffect, ...errors },
}

export const actionEffectSchema = {
  summary: 'Did it help: traffic pins before and after a completed action item',
  description:
    'Traffic pins per week inside a done action item’s area, `weeks` weeks before and after the day it was marked done. ' +
    '404 for an unknown item; 409 while it is not done or when it has no area.',
  tags,
  params: IdParams,
  querystring: EffectQuery,
  response: { 200: ActionEffect, ...errors },
}

export const listSnapshotsSchema = {
  summary: 'Lägesbild snapshots',
  description: 'Every snapshot, newest first, with what changed since the one before it (new, grown, shrunk, unchanged and gone areas).',
  tags,
  response: { 200: SnapshotList, ...errors },
}

export const createSnapshotSchema = {
  summary: 'Take a lägesbild snapshot',
  description: 'Stores the current traffic areas (with the given parameters) and the controls dated within `from`…`to` (all without), and the change since the previous snapshot.',
  tags,
  body: NewSnapshot,
  response: { 201: Snapshot, ...errors },
}

export const getSnapshotSchema = {
  summary: 'One snapshot with its areas and controls',
  tags,
  params: IdParams,
  response: { 200: Snapshot, ...errors },
}

export const exportSchema = (format: 'GeoJSON' | 'CSV') => ({
  summary: `Export a snapshot as ${format}`,
  description:
    format === 'CSV'
      ? 'One row per area: centroid coordinates, counts, and pins per time slot (day type × time of day). Text cells that a spreadsheet would run as a formula are prefixed with an apostrophe.'
      : 'Areas as Polygons with centroid and pins per time slot; controls as Points or LineStrings.',
  tags,
  params: IdParams,
  produces: [format === 'CSV' ? 'text/csv' : 'application/geo+json'],
  response: { 200: Type.String({ description: format }), ...errors },
})
