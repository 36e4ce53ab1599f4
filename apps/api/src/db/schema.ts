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
  pin_photo: PinPhotoTable
  pin_background: PinBackgroundTable
}
