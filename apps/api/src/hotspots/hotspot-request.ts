import { HOTSPOT_DEFAULTS, HOTSPOT_LIMITS, timesOfDayToMask, type AppliedFilters, type HeatQuery, type HotspotQuery, type PinFilterQuery, type TimeOfDay } from '@trygg/domain'
import { AppError, type FieldError } from '../errors/app-error.ts'
import type { CategoryRow } from '../municipality/municipality.queries.ts'
import type { CampaignRow, StudyArea } from './hotspots.queries.ts'
import type { PinFilter } from './pin-filter.ts'

export interface RequestContext {
  area: StudyArea
  categories: readonly CategoryRow[]
  campaigns: readonly CampaignRow[]
}

export type Analysis =
  | { method: 'dbscan'; eps: number; minPoints: number; comparison: CampaignRow | null }
  | { method: 'gistar'; cellSize: number; weight: 'count' | 'severity'; fdr: boolean; cells: 'notable' | 'all' }

export interface HotspotRequest {
  filter: PinFilter
  applied: AppliedFilters
  analysis: Analysis
}

const DBSCAN_ONLY = ['eps', 'minPoints', 'compareTo'] as const
const GISTAR_ONLY = ['cellSize', 'weight', 'fdr', 'cells'] as const

/**
 * Checks a hotspot query against the municipality (campaigns, categories, grid size) and
 * between its fields; throws one 400 naming every offending field.
 */
export function parseHotspotQuery(q: HotspotQuery, ctx: RequestContext): HotspotRequest {
  const fields: FieldError[] = []
  const { filter, applied } = parseFilters(q, ctx, fields)
  const misplaced = q.method === 'dbscan' ? GISTAR_ONLY : DBSCAN_ONLY
  for (const name of misplaced) {
    if (q[name] !== undefined) fields.push({ field: name, message: `is not a parameter of method=${q.method}` })
  }
  let analysis: Analysis
  if (q.method === 'dbscan') {
    const comparison = comparisonCampaign(ctx.campaigns, filter.campaignIds, q.compareTo)
    if (q.compareTo !== undefined && !ctx.campaigns.some((c) => c.id === q.compareTo)) {
      fields.push({ field: 'compareTo', message: `is not a campaign of this municipality` })
    } else if (q.compareTo !== undefined && filter.campaignIds?.includes(q.compareTo)) {
      fields.push({ field: 'compareTo', message: 'is one of the selected campaigns' })
    }
    analysis = { method: 'dbscan', eps: q.eps ?? HOTSPOT_DEFAULTS.eps, minPoints: q.minPoints ?? HOTSPOT_DEFAULTS.minPoints, comparison }
  } else {
    const cellSize = q.cellSize ?? HOTSPOT_DEFAULTS.cellSize
    const cells = gridCellCount(ctx.area.bbox, cellSize)
    if (cells > HOTSPOT_LIMITS.maxGridCells) {
      fields.push({
        field: 'cellSize',
        message: `gives ${cells} cells over ${ctx.area.name}; at most ${HOTSPOT_LIMITS.maxGridCells} are allowed, so choose at least ${smallestCellSize(ctx.area.bbox)} m`,
      })
    }
    analysis = { method: 'gistar', cellSize, weight: q.weight ?? 'count', fdr: q.fdr ?? false, cells: q.cells ?? 'notable' }
  }
  if (fields.length) throw invalid(fields)
  return { filter, applied, analysis }
}

/** Checks the filters of a heat query; throws a 400 naming every offending field. */
export function parseHeatQuery(q: HeatQuery, ctx: RequestContext): { filter: PinFilter; bySeverity: boolean } {
  const fields: FieldError[] = []
  const { filter } = parseFilters(q, ctx, fields)
  if (fields.length) throw invalid(fields)
  return { filter, bySeverity: q.weight === 'severity' }
}

/**
 * Checks the hotspot filters alone (campaign, category, timeOfDay, from, to); throws a 400
 * naming every offending field. The hotspot map, its heat layer and the pin export all select
 * their pins with this one parse and `pinWhere`, so an export holds exactly what the map shows.
 */
export function parsePinFilterQuery(q: PinFilterQuery, ctx: RequestContext): { filter: PinFilter; applied: AppliedFilters } {
  const fields: FieldError[] = []
  const parsed = parseFilters(q, ctx, fields)
  if (fields.length) throw invalid(fields)
  return parsed
}

function parseFilters(q: PinFilterQuery, ctx: RequestContext, fields: FieldError[]): { filter: PinFilter; applied: AppliedFilters } {
  const campaignIds = q.campaign ? unique(q.campaign.split(',').map(Number)) : null
  if (campaignIds) {
    const unknown = campaignIds.filter((id) => !ctx.campaigns.some((c) => c.id === id))
    if (unknown.length) fields.push({ field: 'campaign', message: `unknown: ${unknown.join(', ')}` })
    if (campaignIds.length > HOTSPOT_LIMITS.maxCampaigns) fields.push({ field: 'campaign', message: `at most ${HOTSPOT_LIMITS.maxCampaigns} campaigns` })
  }
  const categoryKeys = q.category ? unique(q.category.split(',')) : null
  const byKey = new Map(ctx.categories.map((c) => [c.key, c]))
  if (categoryKeys) {
    const unknown = categoryKeys.filter((k) => !byKey.has(k))
    if (unknown.length) fields.push({ field: 'category', message: `unknown: ${unknown.join(', ')}` })
  }
  const times = q.timeOfDay ? (unique(q.timeOfDay.split(',')) as TimeOfDay[]) : null
  if (q.from && q.to && q.from > q.to) fields.push({ field: 'from', message: 'must not be after to' })
  const filter: PinFilter = {
    municipalityId: ctx.area.municipalityId,
    timeZone: ctx.area.timeZone,
    campaignIds,
    categoryIds: categoryKeys ? categoryKeys.flatMap((k) => byKey.get(k)?.id ?? []) : null,
    timeOfDayMask: times ? timesOfDayToMask(times) : null,
    from: q.from ?? null,
    to: q.to ?? null,
  }
  const applied: AppliedFilters = { campaigns: campaignIds, categories: categoryKeys, timesOfDay: times, from: filter.from, to: filter.to }
  return { filter, applied }
}

/**
 * The campaign trends compare with: `compareTo` when given; else, when campaigns are
 * selected, the one that started last before the earliest-starting selected campaign; else null.
 */
export function comparisonCampaign(campaigns: readonly CampaignRow[], selected: readonly number[] | null, compareTo?: number): CampaignRow | null {
  if (compareTo !== undefined) return campaigns.find((c) => c.id === compareTo) ?? null
  if (!selected?.length) return null
  const chosen = campaigns.filter((c) => selected.includes(c.id))
  if (!chosen.length) return null
  const earliest = Math.min(...chosen.map((c) => c.starts_at.getTime()))
  const before = campaigns.filter((c) => c.starts_at.getTime() < earliest && !selected.includes(c.id))
  before.sort((a, b) => b.starts_at.getTime() - a.starts_at.getTime() || b.id - a.id)
  return before[0] ?? null
}

/** Cells of the grid aligned to multiples of `size` that the bbox spans. */
export function gridCellCount(bbox: StudyArea['bbox'], size: number): number {
  const cols = Math.floor(bbox.xmax / size) - Math.floor(bbox.xmin / size) + 1
  const rows = Math.floor(bbox.ymax / size) - Math.floor(bbox.ymin / size) + 1
  return cols * rows
}

/** The smallest whole ten of metres whose grid stays within the cell limit. */
function smallestCellSize(bbox: StudyArea['bbox']): number {
  let size = Math.max(HOTSPOT_LIMITS.cellSize.min, Math.ceil(Math.sqrt(((bbox.xmax - bbox.xmin) * (bbox.ymax - bbox.ymin)) / HOTSPOT_LIMITS.maxGridCells) / 10) * 10)
  while (gridCellCount(bbox, size) > HOTSPOT_LIMITS.maxGridCells) size += 10
  return size
}

function invalid(fields: FieldError[]): AppError {
  return new AppError(
    400,
    'VALIDATION_FAILED',
    `Invalid query: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`,
    'Analysens inställningar är inte giltiga. Kontrollera fälten och försök igen.',
    fields,
  )
}

const unique = <T>(values: T[]): T[] => [...new Set(values)]
