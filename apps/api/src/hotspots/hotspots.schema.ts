import { ErrorBody, HeatQuery, HeatResult, HotspotOptions, HotspotQuery, HotspotResult } from '@trygg/domain'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 503: ErrorBody }

export const hotspotsSchema = {
  summary: 'Hotspot analysis: DBSCAN clusters or Getis-Ord Gi* hot spots',
  description:
    'Published pins of the municipality (sensitive categories included), filtered by campaign(s), category, time of day and period.\n\n' +
    '`method=dbscan` (`eps` metres, `minPoints`): DBSCAN in the municipality’s metric SRID. Each hotspot is a Feature whose ' +
    'geometry is the convex hull of its pins buffered by 10 m, with centroid, pin count, agreements, mean severity, category mix, ' +
    'time-of-day profile, score = (pins + 0.5 × agreements) × mean severity, and a trend: pins inside the hull in the ' +
    'comparison campaign (`compareTo`, by default the campaign that started last before the selected ones) and now.\n\n' +
    '`method=gistar` (`cellSize` metres, `weight=count|severity`, `fdr`): Getis-Ord Gi* on a square grid aligned to multiples ' +
    'of cellSize in the metric SRID over every cell that intersects the boundary, with the 8 surrounding cells and the cell itself ' +
    'as binary-weight neighbours. Each cell has its value, z, two-sided p, and confidence bin −3…3 (±3 at |z| ≥ 2.576, ±2 at ≥ 1.960, ' +
    '±1 at ≥ 1.645; with `fdr=true` from Benjamini–Hochberg adjusted p ≤ 0.01/0.05/0.10).',
  tags: ['hotspots'],
  querystring: HotspotQuery,
  response: { 200: HotspotResult, ...errors },
}

export const heatSchema = {
  summary: 'Points for a heat layer',
  description: '`[lon, lat, weight]` of every pin the filters select; weight 1, or the severity with `weight=severity`.',
  tags: ['hotspots'],
  querystring: HeatQuery,
  response: { 200: HeatResult, ...errors },
}

export const optionsSchema = {
  summary: 'What the hotspot filters can be set to',
  description: 'Every campaign and category of the municipality, with the defaults and limits of the analysis parameters.',
  tags: ['hotspots'],
  response: { 200: HotspotOptions, ...errors },
}
