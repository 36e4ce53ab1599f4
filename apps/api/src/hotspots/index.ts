import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import {
  GROUP_COLORS,
  HOTSPOT_DEFAULTS,
  HOTSPOT_LIMITS,
  type CategoryGroup,
  type DbscanResult,
  type GiStarResult,
  type HotspotOptions,
  type PublicCampaign,
} from '@trygg/domain'
import { giStar } from '@trygg/geo'
import { inAnalysisTransaction } from './analysis-transaction.ts'
import { dbscanClusters } from './dbscan.queries.ts'
import { gridCellPolygons, gridCellValues } from './grid.queries.ts'
import { parseHeatQuery, parseHotspotQuery } from './hotspot-request.ts'
import { binCounts, toHotspotFeatures } from './hotspot-summary.ts'
import { heatPoints, type CampaignRow } from './hotspots.queries.ts'
import { loadRequestContext } from './request-context.ts'
import { heatSchema, hotspotsSchema, optionsSchema } from './hotspots.schema.ts'

export interface HotspotsOptions {
  /** Access control run before every route of the plugin (e.g. session and role checks); must not be empty. */
  preHandler: preHandlerHookHandler[]
  /** The municipality whose pins a request may analyse, e.g. the staff member's own. */
  resolveMunicipalityId: (request: FastifyRequest) => number | Promise<number>
}

/** Staff who may run hotspot analyses. */
export const HOTSPOT_ROLES = ['admin', 'planner', 'police'] as const

/** Metres added around each DBSCAN hull, so that hotspots of one or two pins are still polygons. */
export const HULL_BUFFER = 10

/**
 * Staff hotspot analysis under `/api/staff/hotspots`: DBSCAN clusters and Gi* hot spots, the
 * points of a heat layer, and the filter options. Refuses to register without access control.
 */
export default async function hotspots(appBase: FastifyInstance, opts: HotspotsOptions) {
  if (!opts.preHandler?.length) throw new Error('hotspots: a preHandler for access control is required')
  if (typeof opts.resolveMunicipalityId !== 'function') throw new Error('hotspots: resolveMunicipalityId is required')
  const app = appBase.withTypeProvider<TypeBoxTypeProvider>()
  for (const hook of opts.preHandler) app.addHook('preHandler', hook)

  const context = async (request: FastifyRequest) => loadRequestContext(app.db.kysely, await opts.resolveMunicipalityId(request))

  app.get('/api/staff/hotspots', { schema: hotspotsSchema, config: { roles: HOTSPOT_ROLES } }, async (request, reply) => {
    const ctx = await context(request)
    const { filter, applied, analysis } = parseHotspotQuery(request.query, ctx)
    const db = app.db.kysely
    const srid = ctx.area.metricSrid
    reply.header('cache-control', 'no-store')
    // The response schema is a union of the two methods' results, and for a union Fastify's
    // schema serializer validates the body against the branches in turn before writing it —
    // about 0.9 s for the 23 MB answer of 70,000 clustered pins. The bodies are built to their
    // TypeBox types below; plain JSON.stringify writes them.
    reply.serializer(JSON.stringify)

    if (analysis.method === 'dbscan') {
      const comparisonFilter = analysis.comparison ? { ...filter, campaignIds: [analysis.comparison.id], from: null, to: null } : null
      const { pinCount, clusters } = await inAnalysisTransaction(db, (trx) =>
        dbscanClusters(trx, { filter, srid, eps: analysis.eps, minPoints: analysis.minPoints, hullBuffer: HULL_BUFFER, comparison: comparisonFilter }),
      )
      const features = toHotspotFeatures(clusters, new Map(ctx.categories.map((c) => [c.id, c.key])))
      const clustered = features.reduce((n, f) => n + f.properties.pinCount, 0)
      const body: DbscanResult = {
        type: 'FeatureCollection',
        method: 'dbscan',
        parameters: { eps: analysis.eps, minPoints: analysis.minPoints },
        filters: applied,
        pinCount,
        noiseCount: pinCount - clustered,
        comparison: analysis.comparison ? { campaign: toPublicCampaign(analysis.comparison) } : null,
        features,
      }
      return body
    }

    const { cellSize, weight, fdr, cells } = analysis
    const { pinCount, result, shown, polygons } = await inAnalysisTransaction(db, async (trx) => {
      const grid = await gridCellValues(trx, { filter, srid, cellSize, bySeverity: weight === 'severity' })
      const result = giStar(grid.cells, { fdr })
      const shown = cells === 'all' ? result.cells : result.cells.filter((c) => c.value !== 0 || c.bin !== 0)
      const polygons = await gridCellPolygons(trx, { srid, cellSize, cells: shown })
      return { pinCount: grid.pinCount, result, shown, polygons }
    })
    const body: GiStarResult = {
      type: 'FeatureCollection',
      method: 'gistar',
      parameters: { cellSize, weight, fdr, cells },
      filters: applied,
      pinCount,
      grid: { srid, cellSize, n: result.n, mean: result.mean, sd: result.sd },
      bins: binCounts(result.cells.map((c) => c.bin)),
      features: shown.map((c, k) => ({
        type: 'Feature',
        geometry: JSON.parse(polygons[k]!),
        properties: { i: c.i, j: c.j, value: c.value, z: c.z, p: c.p, ...(c.q === undefined ? {} : { q: c.q }), bin: c.bin },
      })),
    }
    return body
  })

  app.get('/api/staff/hotspots/heat', { schema: heatSchema, config: { roles: HOTSPOT_ROLES } }, async (request, reply) => {
    const ctx = await context(request)
    const { filter, bySeverity } = parseHeatQuery(request.query, ctx)
    const points = await heatPoints(app.db.kysely, filter, bySeverity)
    reply.header('cache-control', 'no-store')
    return { pinCount: points.length, points }
  })

  app.get('/api/staff/hotspots/options', { schema: optionsSchema, config: { roles: HOTSPOT_ROLES } }, async (request) => {
    const ctx = await context(request)
    const body: HotspotOptions = {
      campaigns: ctx.campaigns.map(toPublicCampaign),
      categories: ctx.categories.map((c) => ({
        key: c.key,
        labelSv: c.label_sv,
        labelEn: c.label_en,
        group: c.group_key,
        sensitive: c.sensitive,
        active: c.active,
        color: GROUP_COLORS[c.group_key as CategoryGroup] ?? GROUP_COLORS.other,
      })),
      timeZone: ctx.area.timeZone,
      defaults: { ...HOTSPOT_DEFAULTS },
      limits: { ...HOTSPOT_LIMITS },
    }
    return body
  })
}

function toPublicCampaign(c: CampaignRow): PublicCampaign {
  return { id: c.id, kind: c.kind, name: c.name, startsAt: c.starts_at.toISOString(), endsAt: c.ends_at?.toISOString() ?? null }
}
