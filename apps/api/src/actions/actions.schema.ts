import Type from 'typebox'
import { ActionItem, ActionItemDetail, ActionItemPatch, ActionList, ActionListQuery, ActionOptions, ActionOptionsChange, NewActionItem } from '@trygg/domain'
import { staffErrors } from '../auth/auth.schema.ts'

const tags = ['action plan']
const Params = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) })

export const optionsSchema = {
  summary: 'Choices of the action plan',
  description: 'The focus areas and kinds of responsible organisation the municipality configured, and its partner organisations.',
  tags,
  response: { 200: ActionOptions, ...staffErrors },
}

export const listSchema = {
  summary: 'The action plan',
  description: 'Every action item of the municipality, by due date; a partner sees only the items assigned to its organisation.',
  tags,
  querystring: ActionListQuery,
  response: { 200: ActionList, ...staffErrors },
}

export const exportSchema = {
  summary: 'The action plan as CSV',
  description:
    'The items GET /api/staff/actions answers for the same filters, one row each, UTF-8 with a byte order mark. ' +
    'Cells that start with =, +, - or @ get a leading apostrophe so spreadsheets do not run them.',
  tags,
  querystring: ActionListQuery,
  produces: ['text/csv'],
  response: { 200: Type.String({ description: 'text/csv' }), ...staffErrors },
}

export const createSchema = {
  summary: 'Create an action item',
  description:
    'Title, focus area and organisation are required. `pinIds` links pins, which take the status the item implies ' +
    '(proposed: reviewed; planned and in progress: action planned; done; not done) with an entry in their status history. ' +
    '`area` is a hotspot hull (`areaSource: hotspot`) or a drawn polygon (`drawn`).',
  tags,
  body: NewActionItem,
  response: { 201: ActionItem, ...staffErrors },
}

export const getSchema = {
  summary: 'One action item with its audit trail',
  tags,
  params: Params,
  response: { 200: ActionItemDetail, ...staffErrors },
}

export const patchSchema = {
  summary: 'Change an action item',
  description:
    'Only the fields given change. A new status reaches every linked pin; `not_done` needs `statusReason`. `pinIds` ' +
    'replaces the linked pins. Partners may change only status, statusReason and owner of their organisation’s items.',
  tags,
  params: Params,
  body: ActionItemPatch,
  response: { 200: ActionItem, ...staffErrors },
}

export const changeOptionsSchema = {
  summary: 'Set the focus areas and organisation kinds',
  description:
    'Each list given replaces the choices shown, in its order: new keys are added and labels updated. A key left out ' +
    'becomes inactive (items that use it keep it), so nothing is lost. At least one choice per list stays active.',
  tags,
  body: ActionOptionsChange,
  response: { 200: ActionOptions, ...staffErrors },
}

export const geojsonSchema = {
  summary: 'The action plan as GeoJSON',
  description:
    'The items GET /api/staff/actions answers for the same filters that have an area, as a FeatureCollection of ' +
    'MultiPolygons whose properties are the item without its area.',
  tags,
  querystring: ActionListQuery,
  produces: ['application/geo+json'],
  response: {
    200: Type.Object({
      type: Type.Literal('FeatureCollection'),
      features: Type.Array(Type.Object({ type: Type.Literal('Feature'), id: Type.Integer(), geometry: Type.Unknown(), properties: Type.Record(Type.String(), Type.Unknown()) })),
    }),
    ...staffErrors,
  },
}
