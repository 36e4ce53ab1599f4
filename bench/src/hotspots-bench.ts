import type { BenchArgs } from './args.ts'
import { startApp } from './app-process.ts'
import { loadedPostgres } from './bench-db.ts'
import { request } from './http.ts'
import { dbscanReference, giStarReference } from './hotspot-reference.ts'
import { median, p95, printResult, printTable, progress, round, target } from './report.ts'
import { plannerCookie } from './staff-session.ts'

const PORT = 4105
/** DBSCAN parameters: the API's defaults. */
const DBSCAN = { eps: 50, minPoints: 5 }
/** Gi* cell: the largest the API accepts, the only size whose grid over a Sweden-sized area stays under its cell limit. */
const GISTAR = { cellSize: 5000 }
const NATIONAL_RUNS = 3
const CAMPAIGN_RUNS = 10

/** Times `fn` `runs` times after one warm-up run. */
async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn()
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await fn()
    out.push(performance.now() - started)
  }
  return out
}

/**
 * Staff hotspot analyses through the API (signed in as a planner, over HTTP) against the plain
 * SQL reference with the same parameters, over every pin and over the national survey campaign.
 */
export async function run(args: BenchArgs): Promise<void> {
  const pins = args.pins ?? 1_000_000
  progress(`hotspots: loading ${pins} pins into PostgreSQL`)
  const { bench, db, data } = await loadedPostgres('hotspots', pins)
  let app
  try {
    app = await startApp({ port: PORT, databaseUrl: bench.url })
    const cookie = await plannerCookie(db.kysely, data.municipalityId, app.url)
    const api = async (query: string) => {
      const res = await request(`${app!.url}/api/staff/hotspots?${query}`, { headers: { cookie } })
      if (res.status !== 200) throw new Error(`hotspots ${query}: ${res.status} ${res.body.slice(0, 300)}`)
      JSON.parse(res.body)
    }
    const dbscanQuery = `method=dbscan&eps=${DBSCAN.eps}&minPoints=${DBSCAN.minPoints}`
    const gistarQuery = `method=gistar&cellSize=${GISTAR.cellSize}`
    const all = { municipalityId: data.municipalityId, campaignId: null }

    progress('hotspots: DBSCAN over every pin, API and reference')
    const dbscan = median(await timed(NATIONAL_RUNS, () => api(dbscanQuery)))
    const dbscanRef = median(await timed(NATIONAL_RUNS, () => dbscanReference(db.kysely, { ...all, ...DBSCAN })))
    progress('hotspots: Gi* over every pin, API and reference')
    const gistar = median(await timed(NATIONAL_RUNS, () => api(gistarQuery)))
    const gistarRef = median(await timed(NATIONAL_RUNS, () => giStarReference(db.kysely, { ...all, ...GISTAR })))
    progress(`hotspots: the ${data.surveyPins}-pin campaign, ${CAMPAIGN_RUNS} runs per method`)
    const campaignDbscan = p95(await timed(CAMPAIGN_RUNS, () => api(`${dbscanQuery}&campaign=${data.surveyCampaignId}`)))
    const campaignGistar = p95(await timed(CAMPAIGN_RUNS, () => api(`${gistarQuery}&campaign=${data.surveyCampaignId}`)))

    printTable(`hotspots: ${data.pins} pins; DBSCAN eps ${DBSCAN.eps} m, minPoints ${DBSCAN.minPoints}; Gi* cell ${GISTAR.cellSize} m`, ['measure', 'value', 'target', ''], [
      ['DBSCAN, API (median)', `${round(dbscan)} ms`, '', ''],
      ['DBSCAN, plain SQL (median)', `${round(dbscanRef)} ms`, '', ''],
      target('DBSCAN API / reference', dbscan / dbscanRef, '<=', 1.2, '×'),
      ['Gi*, API (median)', `${round(gistar)} ms`, '', ''],
      ['Gi*, plain SQL (median)', `${round(gistarRef)} ms`, '', ''],
      target('Gi* API / reference', gistar / gistarRef, '<=', 1.2, '×'),
      target(`DBSCAN p95, ${data.surveyPins}-pin campaign`, campaignDbscan, '<=', 300, ' ms'),
      target(`Gi* p95, ${data.surveyPins}-pin campaign`, campaignGistar, '<=', 300, ' ms'),
    ])
    printResult({
      bench: 'hotspots',
      pins: data.pins,
      dbscan_ms: round(dbscan),
      dbscan_ref_ms: round(dbscanRef),
      gistar_ms: round(gistar),
      gistar_ref_ms: round(gistarRef),
      campaign_p95_ms: round(Math.max(campaignDbscan, campaignGistar)),
    })
  } finally {
    await app?.stop()
    await db.close()
    await bench.drop()
  }
}
