import { afterAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { openDatabase } from '../src/db/database.ts'
import { migrate } from '../src/db/migrate.ts'
import { seedTestMunicipality } from '../test/fixtures.ts'
import { startApi, systemPort, type ApiProcess } from './support/api-process.ts'
import { seededRandom } from './support/engines.ts'
import { createPrivatePostgres, PRIVATE_PG_PORT, type PrivatePostgres } from './support/private-postgres.ts'
import { quantile, request, send, type Sample } from './support/traffic.ts'

/**
 * Database outage: a private PostgreSQL cluster is stopped (immediate mode, as in a crash)
 * while clients keep reading and writing. Every request must get an answer within 5 s — 503
 * with the usual JSON error while the database is away — /api/health must say the database is
 * down, the process must stay up, and service must return by itself within 10 s of the
 * database's return.
 */
const ANSWER_WITHIN_MS = 5_000
const RECOVER_WITHIN_MS = 10_000
const OUTAGE_MS = 6_000
const CLIENTS = 12

const kinds: Sample['kind'][] = ['clusters', 'clusters', 'clusters', 'pin', 'write']

describe('database outage on PostgreSQL', () => {
  let cluster: PrivatePostgres | undefined
  let api: ApiProcess | undefined
  afterAll(async () => {
    await api?.stop()
    cluster?.dispose()
  })

  it('answers 503 within 5 s while the database is down and recovers by itself', { timeout: 240_000 }, async () => {
    cluster = createPrivatePostgres(PRIVATE_PG_PORT)
    const admin = new pg.Client({ connectionString: cluster.url })
    await admin.connect()
    await admin.query('CREATE DATABASE trygg')
    await admin.end()
    const url = cluster.url.replace(/\/postgres$/, '/trygg')
    const setup = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 2 })
    await migrate(setup)
    await seedTestMunicipality(setup.kysely)
    await setup.close()

    api = await startApi({ port: systemPort(2), env: { DATABASE_URL: url } })
    const base = api.url
    const random = seededRandom(8)
    const pinIds: number[] = []
    const samples: Sample[] = []
    let running = true
    const client = async () => {
      while (running) {
        const kind = pinIds.length ? kinds[Math.floor(random() * kinds.length)]! : 'write'
        const [u, init] = request(base, kind, random, pinIds)
        samples.push(await send(u, init, kind, 15_000, (id) => pinIds.push(id)))
        await new Promise((r) => setTimeout(r, 20))
      }
    }
    const health = async () => {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(15_000) }).catch((error: Error) => {
        throw new Error(`/api/health did not answer (${error.message}); server output:\n${api!.output()}`)
      })
      return { status: res.status, body: (await res.json()) as Record<string, string> }
    }
    const clients = Array.from({ length: CLIENTS }, client)
    await new Promise((r) => setTimeout(r, 2_000))
    const healthyBefore = samples.filter((s) => s.status >= 200 && s.status < 300).length
    const errorsBefore = samples.filter((s) => s.status === 0 || s.status >= 500).length

    // The database goes away.
    const stopAt = performance.now()
    await cluster.stop()
    const stoppedAt = performance.now()
    await new Promise((r) => setTimeout(r, 1_000))
    const downHealth = await health()
    await new Promise((r) => setTimeout(r, OUTAGE_MS - 1_000))

    // ... and comes back. It may answer before `start` returns, so the outage ends when it is asked to start.
    const restartAt = performance.now()
    await cluster.start()
    const backAt = performance.now()
    let healthBackMs = NaN
    let writeBackMs = NaN
    while (performance.now() - backAt < RECOVER_WITHIN_MS + 5_000 && (Number.isNaN(healthBackMs) || Number.isNaN(writeBackMs))) {
      if (Number.isNaN(healthBackMs) && (await health()).status === 200) healthBackMs = performance.now() - backAt
      const recent = samples.filter((s) => s.kind === 'write' && s.startedAt > backAt && s.status === 201)
      if (Number.isNaN(writeBackMs) && recent.length) writeBackMs = Math.min(...recent.map((s) => s.startedAt + s.ms)) - backAt
      await new Promise((r) => setTimeout(r, 100))
    }
    // Once back, everything succeeds again.
    const steadyFrom = performance.now()
    await new Promise((r) => setTimeout(r, 2_000))
    running = false
    await Promise.all(clients)

    const during = samples.filter((s) => s.startedAt >= stoppedAt && s.startedAt + s.ms <= restartAt)
    const inFlight = samples.filter((s) => s.startedAt < stoppedAt && s.startedAt + s.ms > stopAt)
    const slow = samples.filter((s) => s.startedAt >= stopAt && s.startedAt < backAt && s.ms > ANSWER_WITHIN_MS)
    const unanswered = samples.filter((s) => s.status === 0)
    const wrongOutage = during.filter((s) => s.status !== 503 || s.code !== 'DATABASE_UNAVAILABLE')
    const after = samples.filter((s) => s.startedAt >= steadyFrom)
    const failedAfter = after.filter((s) => s.status < 200 || s.status >= 300)
    const outageMs = during.map((s) => s.ms)

    console.log(
      `[database-outage] ${samples.length} requests; before: ${healthyBefore} ok; during the ${OUTAGE_MS / 1000} s outage: ${during.length} answered ` +
        `(${during.length - wrongOutage.length} with 503 DATABASE_UNAVAILABLE, p50 ${quantile(outageMs, 0.5).toFixed(0)} ms, max ${Math.max(...outageMs).toFixed(0)} ms), ` +
        `${inFlight.length} in flight at the stop (max ${Math.max(0, ...inFlight.map((s) => s.ms)).toFixed(0)} ms), ${unanswered.length} unanswered; ` +
        `/api/health ${downHealth.status} ${JSON.stringify(downHealth.body)}; back: health after ${healthBackMs.toFixed(0)} ms, first write after ${writeBackMs.toFixed(0)} ms; ` +
        `after recovery ${after.length - failedAfter.length}/${after.length} ok`,
    )
    expect(errorsBefore).toBe(0)
    expect(during.length).toBeGreaterThan(50)
    expect(wrongOutage.slice(0, 5)).toEqual([])
    expect(slow.slice(0, 5)).toEqual([])
    expect(unanswered.slice(0, 5)).toEqual([])
    expect(downHealth).toEqual({ status: 503, body: { status: 'error', db: 'postgres', dbStatus: 'down' } })
    expect(healthBackMs).toBeLessThanOrEqual(RECOVER_WITHIN_MS)
    expect(writeBackMs).toBeLessThanOrEqual(RECOVER_WITHIN_MS)
    expect(after.length).toBeGreaterThan(20)
    expect(failedAfter.slice(0, 5)).toEqual([])
    expect(api.child.exitCode).toBeNull()
  })
})
