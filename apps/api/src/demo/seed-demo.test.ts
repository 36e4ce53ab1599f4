import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openTestDb, type TestDb } from '../../test/test-db.ts'
import { seedDemo } from './seed-demo.ts'
import type { PinCellTable } from '../db/schema.ts'

/** A row of `pin_cell` as the tests read it: the municipality is fixed by the query. */
type CellRow = Omit<PinCellTable, 'municipality_id'>

describe.each(ENGINES)('the demo seed on %s', (engine) => {
  let db: TestDb
  let municipalityId: number

  beforeAll(async () => {
    db = await openTestDb(engine)
    municipalityId = (await seedDemo(db.kysely, { count: 400 })).municipalityId
  })
  afterAll(async () => {
    await db?.close()
  })

  const cells = async () =>
    (
      await sql<CellRow>`
        SELECT zoom, cx, cy, category_id, campaign_id, pin_count, sum_x, sum_y, sample_pin_id FROM pin_cell
         WHERE municipality_id = ${municipalityId} ORDER BY zoom, cx, cy, category_id, campaign_id`.execute(db.kysely)
    ).rows

  it('leaves the same cluster cells as adding its pins one by one through the trigger would', async () => {
    const bulk = await cells()
    expect(bulk.filter((c) => c.zoom === 0).reduce((n, c) => n + c.pin_count, 0)).toBe(400)
    await sql`DELETE FROM pin_cell WHERE municipality_id = ${municipalityId}`.execute(db.kysely)
    await sql`
      SELECT trygg_cells_add(p)
        FROM (SELECT * FROM pin WHERE municipality_id = ${municipalityId} AND moderation = 'published' ORDER BY id) AS p`.execute(db.kysely)
    const oneByOne = await cells()
    expect(bulk.length).toBe(oneByOne.length)
    bulk.forEach((cell, i) => {
      const other = oneByOne[i]!
      expect({ ...cell, sum_x: 0, sum_y: 0 }).toEqual({ ...other, sum_x: 0, sum_y: 0 })
      expect(cell.sum_x).toBeCloseTo(other.sum_x, 3)
      expect(cell.sum_y).toBeCloseTo(other.sum_y, 3)
    })
  })

  it('switches the cell trigger back on: a pin added afterwards is counted', async () => {
    const before = (await cells()).filter((c) => c.zoom === 0).reduce((n, c) => n + c.pin_count, 0)
    await sql`
      INSERT INTO pin (municipality_id, campaign_id, category_id, geom, severity, times_of_day, source)
      SELECT municipality_id, campaign_id, category_id, geom, severity, times_of_day, 'web' FROM pin
       WHERE municipality_id = ${municipalityId} AND moderation = 'published' ORDER BY id LIMIT 1`.execute(db.kysely)
    const after = (await cells()).filter((c) => c.zoom === 0).reduce((n, c) => n + c.pin_count, 0)
    expect(after).toBe(before + 1)
  })
})
