import type { ColumnType, Generated } from 'kysely'

/** Row types of the tables in migrations/, as Kysely sees them. Geometry columns are read through SQL. */
export interface MunicipalityTable {
  municipality_id: Generated<number>
  slug: string
  name: string
  boundary: string
  metric_srid: number
  time_zone: string
  default_zoom: number
  settings: ColumnType<Record<string, unknown>, string | undefined, string>
  created_at: Generated<Date>
}

export interface CategoryTable {
  id: Generated<number>
  municipality_id: number
  key: string
  label_sv: string
  label_en: string
  group_key: string
  sensitive: boolean
  active: boolean
  sort_order: number
}

export interface CampaignTable {
  id: Generated<number>
  municipality_id: number
  kind: 'digital' | 'walk' | 'continuous'
  name: string
  starts_at: Date
  ends_at: Date | null
  route: string | null
  walk_code: Generated<string | null>
  meeting_point: Generated<string | null>
  created_at: Generated<Date>
}

export interface PinTable {
  id: Generated<number>
  municipality_id: number
  campaign_id: number | null
  category_id: number
  geom: string
  mx: Generated<number>
  my: Generated<number>
  severity: number
  times_of_day: number
  comment: string | null
  comment_state: 'none' | 'pending' | 'approved' | 'rejected'
  status: 'received' | 'reviewed' | 'action_planned' | 'done' | 'not_done'
  moderation: 'published' | 'hidden'
  source: 'web' | 'walk' | 'open311' | 'import' | 'demo'
  follow_token_hash: Buffer | null
  agreement_count: Generated<number>
  created_at: Generated<Date>
  updated_at: Generated<Date>
  day_type: ColumnType<'weekday' | 'weekend' | 'both' | null, 'weekday' | 'weekend' | 'both' | null | undefined>
  api_key_id: ColumnType<number | null, number | null | undefined>
  /** Set on imported pins: the file's external id or a content hash, unique per municipality. */
  import_key: ColumnType<string | null, string | null | undefined>
}

export interface PinImportTable {
  municipality_id: number
  id: Generated<number>
  file_name: string
  campaign_id: number | null
  campaign_by_date: boolean
  total_rows: number
  rows_received: Generated<number>
  added: Generated<number>
  duplicates: Generated<number>
  rejected: Generated<number>
  created_by: number | null
  created_at: Date
  updated_at: Date
}

export interface PinCellTable {
  municipality_id: number
  zoom: number
  cx: number
  cy: number
  category_id: number
  campaign_id: number
  pin_count: number
  sum_x: number
  sum_y: number
  sample_pin_id: number
}

export interface ApiKeyTable {
  id: Generated<number>
  /** null: valid for every municipality of the deployment */
  municipality_id: number | null
  name: string
  key_hash: Buffer
  key_prefix: string
  created_at: Generated<Date>
  revoked_at: Date | null
  last_used_at: Date | null
  use_count: Generated<number>
}

export type StaffRoleColumn = 'admin' | 'planner' | 'moderator' | 'police' | 'partner'

export interface StaffAccountTable {
  municipality_id: number
  id: Generated<number>
  email: string
  password_hash: string
  role: StaffRoleColumn
  organisation: string | null
  disabled_at: Date | null
  created_at: Date
  updated_at: Date
}

export interface StaffSessionTable {
  municipality_id: number
  id_hash: Buffer
  staff_id: number
  csrf_token: string
  created_at: Date
  last_seen_at: Date
  expires_at: Date
}

export interface LoginFailureTable {
  id: Generated<number>
  key_hash: Buffer
  failed_at: Date
}

export interface AuditLogTable {
  municipality_id: number
  id: Generated<number>
  at: Date
  actor_id: number | null
  actor_email: string | null
  action: string
  entity_type: string
  entity_id: string
  before: ColumnType<unknown, string | null, string | null>
  after: ColumnType<unknown, string | null, string | null>
  reason: string | null
}

export interface PinStatusEventTable {
  municipality_id: number
  id: Generated<number>
  pin_id: number
  status: 'received' | 'reviewed' | 'action_planned' | 'done' | 'not_done'
  reason: string | null
  action_item_id: number | null
  created_at: Generated<Date>
}

export interface ActionChoiceTable {
  municipality_id: number
  key: string
  label_sv: string
  label_en: string
  sort_order: number
  active: boolean
}

export type ActionStatusColumn = 'proposed' | 'planned' | 'in_progress' | 'done' | 'not_done'

export interface ActionItemTable {
  municipality_id: number
  id: Generated<number>
  title: string
  description: Generated<string>
  focus_area_key: string
  expected_effect: Generated<string>
  organisation_key: string
  partner_organisation: string | null
  owner: Generated<string>
  /** `date` columns: read as text with to_char, written as 'YYYY-MM-DD'. */
  starts_on: string | null
  due_on: string | null
  indicator: Generated<string>
  follow_up_interval: Generated<'monthly' | 'quarterly' | 'half_yearly' | 'yearly'>
  status: Generated<ActionStatusColumn>
  status_reason: string | null
  area: string | null
  area_source: 'hotspot' | 'drawn' | null
  hotspot_ref: string | null
  is_public: Generated<boolean>
  public_note: string | null
  completed_at: Date | null
  created_at: Date
  updated_at: Date
}

export interface ActionItemPinTable {
  municipality_id: number
  action_item_id: number
  pin_id: number
}

export interface PoliceControlTable {
  municipality_id: number
  id: Generated<number>
  kind: 'speed_check' | 'behaviour_monitoring'
  geom: string
  /** `YYYY-MM-DD` (the date type is read as text) */
  control_date: ColumnType<string, string, string>
  /** `HH:MM:SS` */
  start_time: string
  end_time: string
  vehicles_checked: number
  violations: number
  notes: string | null
  area_key: string | null
  area_geom: string | null
  action_item_id: number | null
  created_by: number | null
  created_at: Date
  updated_at: Date
}

export interface PoliceSnapshotTable {
  municipality_id: number
  id: Generated<number>
  name: string
  taken_at: Date
  created_by: number | null
  previous_id: number | null
  parameters: ColumnType<unknown, string, never>
  areas: ColumnType<unknown, string, never>
  controls: ColumnType<unknown, string, never>
  diff: ColumnType<unknown, string, never>
}

export interface PinAgreementTable {
  municipality_id: number
  pin_id: number
  device_hash: Buffer
  created_at: Generated<Date>
}

export interface AntibotSpentTable {
  municipality_id: number
  signature_hash: Buffer
  expires_at: Date
}

export interface YearlyIndicatorTable {
  municipality_id: number
  year: number
  /** numeric: read as text by pg, converted at the feature's edge */
  feel_safe_share: ColumnType<string | number | null, number | null, number | null>
  reported_crimes: number | null
  note: string | null
  updated_at: Date
}

export interface PinPhotoTable {
  municipality_id: number
  pin_id: number
  /** `<municipality_id>/<random>.jpg`, relative to the photo folder */
  file_name: string
  width: number
  height: number
  bytes: number
  state: 'pending' | 'approved' | 'rejected'
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface PinBackgroundTable {
  municipality_id: number
  pin_id: number
  age_band: 'under_18' | '18_29' | '30_44' | '45_64' | '65_plus' | null
  gender: 'woman' | 'man' | 'other' | null
  created_at: Generated<Date>
}

export interface WalkObservationTable {
  municipality_id: number
  pin_id: number
  campaign_id: number
  client_id: string
  participants: number
  created_at: Generated<Date>
}

export interface Database {
  municipality: MunicipalityTable
  category: CategoryTable
  campaign: CampaignTable
  pin: PinTable
  pin_cell: PinCellTable
  api_key: ApiKeyTable
  staff_account: StaffAccountTable
  staff_session: StaffSessionTable
  login_failure: LoginFailureTable
  audit_log: AuditLogTable
  pin_status_event: PinStatusEventTable
  action_focus_area: ActionChoiceTable
  action_organisation: ActionChoiceTable
  action_item: ActionItemTable
  action_item_pin: ActionItemPinTable
  police_control: PoliceControlTable
  police_snapshot: PoliceSnapshotTable
  pin_agreement: PinAgreementTable
  antibot_spent: AntibotSpentTable
  yearly_indicator: YearlyIndicatorTable
  pin_photo: PinPhotoTable
  pin_background: PinBackgroundTable
  pin_import: PinImportTable
  walk_observation: WalkObservationTable
}
