import Type from 'typebox'
import { MAX_ACTION_PINS, MAX_ACTION_TITLE_LENGTH, type ActionStatusValue, type FollowUpIntervalValue } from './action-plan.ts'
import { PublicCampaign } from './config.ts'
import { MultiPolygonGeometry, PolygonGeometry } from './geojson.ts'
import { AuditEntry } from './moderation.ts'

export const ActionStatus = Type.Union([
  Type.Literal('proposed'),
  Type.Literal('planned'),
  Type.Literal('in_progress'),
  Type.Literal('done'),
  Type.Literal('not_done'),
])
export type ActionStatus = Type.Static<typeof ActionStatus>

// The schemas above list the same values as the constants.
const _statuses: ActionStatusValue extends ActionStatus ? (ActionStatus extends ActionStatusValue ? true : never) : never = true
const _intervals: FollowUpIntervalValue extends Type.Static<typeof FollowUpInterval> ? true : never = true
void _statuses
void _intervals
export const PublicActionStatus = Type.Union([Type.Literal('planned'), Type.Literal('in_progress'), Type.Literal('done')])
export const FollowUpInterval = Type.Union([Type.Literal('monthly'), Type.Literal('quarterly'), Type.Literal('half_yearly'), Type.Literal('yearly')])
export type FollowUpInterval = Type.Static<typeof FollowUpInterval>

const Key = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' })
const Day = Type.String({ format: 'date' })
const NullableDay = Type.Union([Day, Type.Null()])

/** A configurable choice: a focus area or a kind of responsible organisation. */
export const ActionChoice = Type.Object({ key: Type.String(), labelSv: Type.String(), labelEn: Type.String(), active: Type.Boolean() })
export type ActionChoice = Type.Static<typeof ActionChoice>

export const ActionOptions = Type.Object(
  {
    focusAreas: Type.Array(ActionChoice),
    organisations: Type.Array(ActionChoice),
    partnerOrganisations: Type.Array(Type.String(), { description: 'Organisations of the partner accounts: who an item can be assigned to' }),
  },
  { $id: 'ActionOptions' },
)
export type ActionOptions = Type.Static<typeof ActionOptions>

export const ActionItem = Type.Object(
  {
    id: Type.Integer(),
    title: Type.String(),
    description: Type.String(),
    focusArea: Type.String({ description: 'Focus area key' }),
    expectedEffect: Type.String(),
    organisation: Type.String({ description: 'Key of the kind of organisation responsible' }),
    partnerOrganisation: Type.Union([Type.String(), Type.Null()], { description: 'The partner organisation that sees and updates the item' }),
    owner: Type.String({ description: 'Person or unit responsible' }),
    startsOn: NullableDay,
    dueOn: NullableDay,
    indicator: Type.String({ description: 'Follow-up indicator' }),
    followUpInterval: FollowUpInterval,
    status: ActionStatus,
    statusReason: Type.Union([Type.String(), Type.Null()]),
    area: Type.Union([MultiPolygonGeometry, Type.Null()]),
    areaSource: Type.Union([Type.Literal('hotspot'), Type.Literal('drawn'), Type.Null()]),
    hotspotRef: Type.Union([Type.String(), Type.Null()]),
    pinIds: Type.Array(Type.Integer()),
    isPublic: Type.Boolean(),
    publicNote: Type.Union([Type.String(), Type.Null()]),
    completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'ActionItem' },
)
export type ActionItem = Type.Static<typeof ActionItem>

export const ActionItemDetail = Type.Object(
  { item: ActionItem, history: Type.Array(AuditEntry, { description: 'The audit trail of the item, newest first' }) },
  { $id: 'ActionItemDetail' },
)
export type ActionItemDetail = Type.Static<typeof ActionItemDetail>

export const ActionList = Type.Object({ items: Type.Array(ActionItem) }, { $id: 'ActionList' })
export type ActionList = Type.Static<typeof ActionList>

const Text = (max: number) => Type.String({ maxLength: max })
const NullableText = (max: number) => Type.Union([Type.String({ minLength: 1, maxLength: max, pattern: '\\S' }), Type.Null()])

/** The fields a planner sets; `area` from a hotspot hull or drawn on the map (a Polygon is stored as a MultiPolygon). */
const editable = {
  title: Type.String({ minLength: 1, maxLength: MAX_ACTION_TITLE_LENGTH, pattern: '\\S' }),
  description: Text(5000),
  focusArea: Key,
  expectedEffect: Text(2000),
  organisation: Key,
  partnerOrganisation: NullableText(200),
  owner: Text(200),
  startsOn: NullableDay,
  dueOn: NullableDay,
  indicator: Text(2000),
  followUpInterval: FollowUpInterval,
  status: ActionStatus,
  statusReason: NullableText(2000),
  area: Type.Union([PolygonGeometry, MultiPolygonGeometry, Type.Null()]),
  areaSource: Type.Union([Type.Literal('hotspot'), Type.Literal('drawn'), Type.Null()]),
  hotspotRef: Type.Union([Type.String({ maxLength: 100 }), Type.Null()]),
  pinIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: MAX_ACTION_PINS, uniqueItems: true }),
  isPublic: Type.Boolean(),
  publicNote: NullableText(2000),
}

const { title, focusArea, organisation, ...optional } = editable
const optionalFields = Type.Partial(Type.Object(optional))

export const NewActionItem = Type.Object(
  { title, focusArea, organisation, ...optionalFields.properties },
  { additionalProperties: false, $id: 'NewActionItem' },
)
export type NewActionItem = Type.Static<typeof NewActionItem>

/** Every field optional; at least one. Partners may change only status, statusReason and owner. */
export const ActionItemPatch = Type.Partial(Type.Object(editable), { additionalProperties: false, minProperties: 1, $id: 'ActionItemPatch' })
export type ActionItemPatch = Type.Static<typeof ActionItemPatch>

export const ActionListQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ pattern: '^[a-z_]+(,[a-z_]+)*$', description: 'Comma-separated statuses', examples: ['planned,in_progress'] })),
    focusArea: Type.Optional(Key),
    organisation: Type.Optional(Key),
  },
  { additionalProperties: false },
)
export type ActionListQuery = Type.Static<typeof ActionListQuery>

/** What residents see of an action item: on /resultat and on a linked pin's follow page. */
export const PublicActionItem = Type.Object(
  {
    id: Type.Integer(),
    title: Type.String(),
    focusArea: Type.Object({ key: Type.String(), labelSv: Type.String(), labelEn: Type.String() }),
    status: PublicActionStatus,
    publicNote: Type.Union([Type.String(), Type.Null()]),
    startsOn: NullableDay,
    dueOn: NullableDay,
    completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    updatedAt: Type.String({ format: 'date-time' }),
    area: Type.Union([MultiPolygonGeometry, Type.Null()]),
    pinCount: Type.Integer({ minimum: 0 }),
  },
  { $id: 'PublicActionItem' },
)
export type PublicActionItem = Type.Static<typeof PublicActionItem>

export const CampaignResult = Type.Object({
  campaign: PublicCampaign,
  pinCount: Type.Integer({ minimum: 0 }),
  categories: Type.Record(Type.String(), Type.Integer(), { description: 'Pins per category key (sensitive ones included as counts)' }),
  previous: Type.Union([Type.Object({ campaignId: Type.Integer(), pinCount: Type.Integer() }), Type.Null()], {
    description: 'The campaign of the same kind that started before this one',
  }),
})
export type CampaignResult = Type.Static<typeof CampaignResult>

export const PublicResults = Type.Object(
  {
    items: Type.Array(PublicActionItem),
    counts: Type.Object({ planned: Type.Integer(), in_progress: Type.Integer(), done: Type.Integer() }),
    campaigns: Type.Array(CampaignResult, { description: 'Newest first' }),
  },
  { $id: 'PublicResults' },
)
export type PublicResults = Type.Static<typeof PublicResults>

/** A focus area or organisation kind as an admin sets it; a choice left out is made inactive (items keep it). */
export const ActionChoiceInput = Type.Object(
  {
    key: Key,
    labelSv: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    labelEn: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    active: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
)
export type ActionChoiceInput = Type.Static<typeof ActionChoiceInput>

const ChoiceList = Type.Array(ActionChoiceInput, { minItems: 1, maxItems: 50 })

export const ActionOptionsChange = Type.Object(
  { focusAreas: Type.Optional(ChoiceList), organisations: Type.Optional(ChoiceList) },
  { additionalProperties: false, minProperties: 1, $id: 'ActionOptionsChange' },
)
export type ActionOptionsChange = Type.Static<typeof ActionOptionsChange>
