import Type from 'typebox'
import { AdminCategory, BoundaryResult, BoundaryUpload, CampaignChange, CategoryChange, NewCampaign, NewCategory, StaffCampaign } from '@trygg/domain'
import { staffErrors } from '../auth/auth.schema.ts'
import { ErrorBody } from '@trygg/domain'

const tags = ['administration']
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) })
const errors = { ...staffErrors, 422: ErrorBody }

export const listCampaignsSchema = {
  summary: "The municipality's campaigns",
  description: 'Newest first, each with its number of pins.',
  tags,
  response: { 200: Type.Object({ campaigns: Type.Array(StaffCampaign) }), ...errors },
}

export const createCampaignSchema = {
  summary: 'Create a campaign',
  description: 'A digital walk, a physical walk or the continuous campaign. Only continuous campaigns may leave `endsAt` null.',
  tags,
  body: NewCampaign,
  response: { 201: StaffCampaign, ...errors },
}

export const changeCampaignSchema = {
  summary: "Change a campaign's name or period",
  tags,
  params: IdParams,
  body: CampaignChange,
  response: { 200: StaffCampaign, ...errors },
}

export const listCategoriesSchema = {
  summary: "The municipality's categories",
  description: 'In display order, inactive ones included.',
  tags,
  response: { 200: Type.Object({ categories: Type.Array(AdminCategory) }), ...errors },
}

export const createCategorySchema = {
  summary: 'Add a category',
  description: 'Added last in the display order and active at once. Its key is permanent (Open311 `service_code`); 409 when taken.',
  tags,
  body: NewCategory,
  response: { 201: AdminCategory, ...errors },
}

export const changeCategorySchema = {
  summary: "Change a category's labels, group, sensitivity, order or whether residents can choose it",
  description: 'Categories are never deleted: existing pins keep theirs. An inactive category is not offered to residents.',
  tags,
  params: IdParams,
  body: CategoryChange,
  response: { 200: AdminCategory, ...errors },
}

export const replaceBoundarySchema = {
  summary: "Replace the municipality's boundary",
  description:
    'A GeoJSON Polygon or MultiPolygon in WGS84, bare, as a Feature or as a FeatureCollection whose polygons are joined. ' +
    'An invalid shape (e.g. self-intersecting) answers 422 with the reason. Pins outside the new boundary are kept and counted.',
  tags,
  body: BoundaryUpload,
  response: { 200: BoundaryResult, ...errors },
}
