import { afterAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { TEST_BOUNDARY } from '../test/fixtures.ts'
import { FULL, startApi, systemPort, type ApiProcess } from './support/api-process.ts'
import { SYSTEM_ENGINES, seededRandom, serverDb, type ServerDb } from './support/engines.ts'

/**
 * Crash safety: concurrent residents post pins while the server is killed with SIGKILL at a
 * random moment; after each restart every pin answered with 201 must be there, whole, and the
 * cluster aggregates must match the pins exactly (no half-applied write).
 */
const CYCLES = { postgres: FULL ? 20 : 6, pglite: FULL ? 5 : 2 }
const WRITERS = 8
const KILL_AFTER_MS: [number, number] = [0, 1500] // after the cycle's first 201
const CATEGORIES = ['lighting', 'vegetation', 'deserted', 'speeding', 'littering']

interface Sent {
  comment: string
  severity: number
  category: string
}

const ring = TEST_BOUNDARY.coordinates[0]! as [number, number][]
const [minLon, minLat] = ring[0]!
const [maxLon, maxLat] = ring[2]!

describe.each(SYSTEM_ENGINES)('crash safety on %s', (engine) => {
  let db: ServerDb | undefined
  let api: ApiProcess | undefined
  afterAll(async () => {
    await api?.kill()
    await db?.dispose()
  })

  it(`keeps every acknowledged pin through ${CYCLES[engine]} SIGKILL cycles`, { timeout: 900_000 }, async () => {
    const seed = Number(process.env.TRYGG_SYSTEM_SEED ?? Date.now() % 2 ** 31)
    const random = seededRandom(seed)
    db = await serverDb(engine)
    const port = systemPort(engine === 'postgres' ? 0 : 1)
    const acknowledged = new Map<number, Sent>()
    const unanswered = new Map<string, Sent>()
    let attempts = 0
    let refused = 0
    let serial = 0

    for (let cycle = 1; cycle <= CYCLES[engine]; cycle++) {
      api = await startApi({ port, env: db.env })
      // Whatever was acknowledged before must have survived the previous kill.
      const earlier = [...acknowledged.keys()].filter(() => random() < 0.2).slice(0, 50)
      for (const id of earlier) expect((await fetch(`${api.url}/api/pins/${id}`)).status, `pin ${id} after restart ${cycle}`).toBe(200)

      let killed = false
      let firstAck!: () => void
      const acked = new Promise<void>((resolve) => (firstAck = resolve))
      const writer = async () => {
        while (!killed) {
          const sent: Sent = {
            comment: `crash-${seed}-${++serial}`,
            severity: 1 + Math.floor(random() * 5),
            category: CATEGORIES[Math.floor(random() * CATEGORIES.length)]!,
          }
          const body = {
            lat: minLat + (maxLat - minLat) * (0.05 + 0.9 * random()),
            lon: minLon + (maxLon - minLon) * (0.05 + 0.9 * random()),
            timesOfDay: ['evening'],
            ...sent,
          }
          attempts++
          unanswered.set(sent.comment, sent)
          try {
            const res = await fetch(`${api!.url}/api/pins`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
            const answer = (await res.json()) as { id: number }
            if (res.status !== 201) {
              refused++
              throw new Error(`POST /api/pins answered ${res.status}: ${JSON.stringify(answer)}`)
            }
            unanswered.delete(sent.comment)
            acknowledged.set(answer.id, sent)
            firstAck()
          } catch (error) {
            if (!killed) throw error
            // Cut by the kill: its outcome is unknown, and either outcome is fine.
          }
        }
      }
      const writers = Array.from({ length: WRITERS }, writer)
      // The kill comes at a random moment once writes are flowing, so every cycle counts.
      const delay = KILL_AFTER_MS[0] + random() * (KILL_AFTER_MS[1] - KILL_AFTER_MS[0])
      const all = Promise.all(writers)
      await Promise.race([acked, all]) // a writer that fails before any 201 fails the test here
      await new Promise((r) => setTimeout(r, delay))
      killed = true
      await api.kill()
      await all
    }

    // Recover once more and read every acknowledged pin through the API.
    api = await startApi({ port, env: db.env })
    const missing: number[] = []
    const ids = [...acknowledged.keys()]
    for (let i = 0; i < ids.length; i += 16) {
      const statuses = await Promise.all(ids.slice(i, i + 16).map(async (id) => [id, (await fetch(`${api!.url}/api/pins/${id}`)).status] as const))
      missing.push(...statuses.filter(([, s]) => s !== 200).map(([id]) => id))
    }
    await api.stop()
    api = undefined

    const conn = await db.open()
    try {
      const { rows } = await sql<{ id: number; comment: string; severity: number; category: string; comment_state: string; has_token: boolean }>`
        SELECT p.id, p.comment, p.severity, c.key AS category, p.comment_state, p.follow_token_hash IS NOT NULL AS has_token
          FROM pin AS p JOIN category AS c ON c.id = p.category_id
         WHERE p.comment LIKE ${`crash-${seed}-%`}`.execute(conn.kysely)
      const stored = new Map(rows.map((r) => [r.id, r]))
      const wrong = [...acknowledged].filter(([id, s]) => {
        const r = stored.get(id)
        return !r || r.comment !== s.comment || r.severity !== s.severity || r.category !== s.category || r.comment_state !== 'pending' || !r.has_token
      })
      const storedUnanswered = rows.filter((r) => unanswered.has(r.comment)).length
      const strangers = rows.filter((r) => ![...acknowledged.values()].some((s) => s.comment === r.comment) && !unanswered.has(r.comment))
      // The per-zoom cluster aggregates count every published pin exactly once.
      const { rows: zooms } = await sql<{ zoom: number; cells: number; pins: number }>`
        SELECT z.zoom, coalesce((SELECT sum(pin_count) FROM pin_cell WHERE zoom = z.zoom), 0)::int AS cells,
               (SELECT count(*) FROM pin WHERE moderation = 'published')::int AS pins
          FROM generate_series(0, 20) AS z(zoom)`.execute(conn.kysely)
      const unbalanced = zooms.filter((z) => z.cells !== z.pins)

      console.log(
        `[crash-safety] ${engine}: ${CYCLES[engine]} SIGKILL cycles survived (seed ${seed}); ${attempts} writes attempted, ` +
          `${acknowledged.size} acknowledged with 201, ${acknowledged.size - wrong.length} of them found intact; ` +
          `${unanswered.size} cut by a kill, ${storedUnanswered} of those stored; cluster aggregates balanced at ${21 - unbalanced.length}/21 zooms`,
      )
      expect(refused).toBe(0)
      expect(acknowledged.size).toBeGreaterThanOrEqual(CYCLES[engine])
      expect(missing).toEqual([])
      expect(wrong.map(([id]) => id)).toEqual([])
      expect(strangers).toEqual([])
      expect(unbalanced).toEqual([])
    } finally {
      await conn.close()
    }
  })
})
