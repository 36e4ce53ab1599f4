import { HOTSPOT_DEFAULTS, HOTSPOT_LIMITS, TIMES_OF_DAY, type TimeOfDay } from '@trygg/domain/constants'

/** Everything the hotspot map shows, as kept in the page's query string. */
export interface HotspotView {
  method: 'dbscan' | 'gistar'
  campaigns: number[]
  categories: string[]
  timesOfDay: TimeOfDay[]
  /** `YYYY-MM-DD` or '' */
  from: string
  to: string
  eps: number
  minPoints: number
  cellSize: number
  weight: 'count' | 'severity'
  fdr: boolean
  heat: boolean
  /** id of the hotspot whose details are open, or null */
  selected: string | null
}

export const DEFAULT_VIEW: Readonly<HotspotView> = Object.freeze({
  method: 'dbscan',
  campaigns: [],
  categories: [],
  timesOfDay: [],
  from: '',
  to: '',
  eps: HOTSPOT_DEFAULTS.eps,
  minPoints: HOTSPOT_DEFAULTS.minPoints,
  cellSize: HOTSPOT_DEFAULTS.cellSize,
  weight: 'count',
  fdr: false,
  heat: false,
  selected: null,
})

const DATE = /^\d{4}-\d{2}-\d{2}$/
const KEY = /^[a-z][a-z0-9_]{0,39}$/

function list(params: URLSearchParams, name: string): string[] {
  return (params.get(name) ?? '').split(',').filter(Boolean)
}

function numberIn(raw: string | null, range: { min: number; max: number }, fallback: number, integer = false): number {
  const value = Number(raw)
  if (raw === null || raw === '' || !Number.isFinite(value) || value < range.min || value > range.max) return fallback
  return integer && !Number.isInteger(value) ? fallback : value
}

/**
 * The view in a query string; anything missing or malformed takes its default, so a hand-edited
 * or outdated link still opens a working map.
 * @example parseHotspotView('?method=gistar&cellSize=250').cellSize // 250
 */
export function parseHotspotView(search: string): HotspotView {
  const p = new URLSearchParams(search)
  const d = DEFAULT_VIEW
  return {
    method: p.get('method') === 'gistar' ? 'gistar' : 'dbscan',
    campaigns: [...new Set(list(p, 'campaign').filter((v) => /^[1-9]\d{0,9}$/.test(v)).map(Number))],
    categories: [...new Set(list(p, 'category').filter((v) => KEY.test(v)))],
    timesOfDay: TIMES_OF_DAY.filter((t) => list(p, 'timeOfDay').includes(t)),
    from: DATE.test(p.get('from') ?? '') ? p.get('from')! : '',
    to: DATE.test(p.get('to') ?? '') ? p.get('to')! : '',
    eps: numberIn(p.get('eps'), HOTSPOT_LIMITS.eps, d.eps),
    minPoints: numberIn(p.get('minPoints'), HOTSPOT_LIMITS.minPoints, d.minPoints, true),
    cellSize: numberIn(p.get('cellSize'), HOTSPOT_LIMITS.cellSize, d.cellSize),
    weight: p.get('weight') === 'severity' ? 'severity' : 'count',
    fdr: p.get('fdr') === 'true',
    heat: p.get('heat') === '1',
    selected: p.get('hotspot') || null,
  }
}

/** The filters shared by the analysis and the heat layer, as API query parameters. */
function filterParams(view: HotspotView): URLSearchParams {
  const p = new URLSearchParams()
  if (view.campaigns.length) p.set('campaign', view.campaigns.join(','))
  if (view.categories.length) p.set('category', view.categories.join(','))
  if (view.timesOfDay.length) p.set('timeOfDay', view.timesOfDay.join(','))
  if (view.from) p.set('from', view.from)
  if (view.to) p.set('to', view.to)
  return p
}

/**
 * The query string of `GET /api/staff/hotspots` for the view: only the parameters of its method.
 * @example analysisQuery({ ...DEFAULT_VIEW, campaigns: [3] }) // 'method=dbscan&campaign=3&eps=50&minPoints=5'
 */
export function analysisQuery(view: HotspotView): string {
  const p = new URLSearchParams({ method: view.method })
  for (const [k, v] of filterParams(view)) p.set(k, v)
  if (view.method === 'dbscan') {
    p.set('eps', String(view.eps))
    p.set('minPoints', String(view.minPoints))
  } else {
    p.set('cellSize', String(view.cellSize))
    p.set('weight', view.weight)
    if (view.fdr) p.set('fdr', 'true')
  }
  return p.toString()
}

/** The query string of `GET /api/staff/hotspots/heat` for the view. */
export function heatQuery(view: HotspotView): string {
  const p = filterParams(view)
  if (view.method === 'gistar' && view.weight === 'severity') p.set('weight', 'severity')
  return p.toString()
}

/**
 * The query string of `GET /api/staff/pins/export`: the view's filters, so the file holds the
 * pins the map analyses.
 * @example exportQuery({ ...DEFAULT_VIEW, categories: ['moped'] }, 'csv') // 'format=csv&category=moped'
 */
export function exportQuery(view: HotspotView, format: 'csv' | 'geojson'): string {
  const p = new URLSearchParams({ format })
  for (const [k, v] of filterParams(view)) p.set(k, v)
  return p.toString()
}

/**
 * The page's query string for the view, leaving out defaults so links stay short. Parameters of
 * the page that are not the map's (`keep`) are carried over unchanged.
 */
export function viewSearch(view: HotspotView, keep: URLSearchParams = new URLSearchParams()): string {
  const p = new URLSearchParams()
  for (const [k, v] of keep) if (!VIEW_KEYS.has(k)) p.append(k, v)
  if (view.method !== DEFAULT_VIEW.method) p.set('method', view.method)
  for (const [k, v] of filterParams(view)) p.set(k, v)
  if (view.method === 'dbscan') {
    if (view.eps !== DEFAULT_VIEW.eps) p.set('eps', String(view.eps))
    if (view.minPoints !== DEFAULT_VIEW.minPoints) p.set('minPoints', String(view.minPoints))
  } else {
    if (view.cellSize !== DEFAULT_VIEW.cellSize) p.set('cellSize', String(view.cellSize))
    if (view.weight !== DEFAULT_VIEW.weight) p.set('weight', view.weight)
    if (view.fdr) p.set('fdr', 'true')
  }
  if (view.heat) p.set('heat', '1')
  if (view.selected) p.set('hotspot', view.selected)
  const s = p.toString()
  return s ? `?${s}` : ''
}

const VIEW_KEYS = new Set(['method', 'campaign', 'category', 'timeOfDay', 'from', 'to', 'eps', 'minPoints', 'cellSize', 'weight', 'fdr', 'heat', 'hotspot'])
