import { describe, expect, it } from 'vitest'
import type { ImportRow } from '@trygg/domain'
import { categoryLookup, checkImportRow, maskOfHour, type CheckedRow } from './import-row.ts'

const categories = categoryLookup([
  { id: 1, key: 'lighting', label_sv: 'Dålig belysning', label_en: 'Poor lighting', group_key: 'physical', sensitive: false, active: true },
  { id: 2, key: 'moped', label_sv: 'Buskörning med moped', label_en: 'Moped joyriding', group_key: 'traffic', sensitive: false, active: false },
])
const row: ImportRow = { lat: '55.8', lon: '13.1', category: 'lighting', date: '2024-09-12' }
const check = (change: Partial<ImportRow>) => checkImportRow({ ...row, ...change }, 7, categories)
const reasons = (change: Partial<ImportRow>) => {
  const r = check(change)
  return Array.isArray(r) ? r.map((x) => x.reason) : []
}

describe('checkImportRow', () => {
  it('reads a good row, with defaults for what is left out', () => {
    expect(check({})).toEqual({
      row: 7, lat: 55.8, lon: 13.1, categoryId: 1, categoryKey: 'lighting', date: '2024-09-12', hasOffset: false, hasTime: false,
      severity: 3, mask: null, comment: null, externalId: null,
    } satisfies CheckedRow)
  })

  it('takes decimal commas, names in any case, inactive categories, Swedish times of day and date-times', () => {
    expect(check({ lat: ' 55,8 ', lon: '13,1', category: 'buskörning med MOPED', timesOfDay: 'Kväll; natt', date: '2024-09-12 21:30', severity: '5', externalId: ' A-1 ' })).toMatchObject({
      lat: 55.8, lon: 13.1, categoryKey: 'moped', mask: 12, date: '2024-09-12T21:30', hasTime: true, hasOffset: false, severity: 5, externalId: 'A-1',
    })
    expect(check({ date: '2024-09-12T19:30:00.5+02:00' })).toMatchObject({ hasTime: true, hasOffset: true })
    expect(check({ date: '2024-02-29' })).not.toBeInstanceOf(Array)
  })

  it('names every problem of a row', () => {
    expect(reasons({ lat: '' })).toEqual(['bad_coordinates'])
    expect(reasons({ lon: '181' })).toEqual(['bad_coordinates'])
    expect(reasons({ lat: '1e3' })).toEqual(['bad_coordinates'])
    expect(reasons({ category: 'Belysning' })).toEqual(['unknown_category'])
    for (const date of ['2023-02-29', '2024-09-31', '12/09/2024', '2024-09-12T25:00', '2024-09-12+02:00', '1899-12-31', '']) {
      expect([date, reasons({ date })]).toEqual([date, ['bad_date']])
    }
    for (const severity of ['0', '6', '2.5', 'hög']) expect(reasons({ severity })).toEqual(['bad_severity'])
    expect(reasons({ timesOfDay: 'kväll lunch' })).toEqual(['bad_times_of_day'])
    expect(reasons({ comment: 'x'.repeat(2001) })).toEqual(['comment_too_long'])
    expect(reasons({ lat: 'x', category: 'ufo', date: 'igår', severity: '9' })).toEqual(['bad_coordinates', 'unknown_category', 'bad_date', 'bad_severity'])
  })
})

describe('maskOfHour', () => {
  it('places each local hour in its time of day', () => {
    const masks = Array.from({ length: 24 }, (_, h) => maskOfHour(h))
    expect(masks).toEqual([8, 8, 8, 8, 8, 8, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 8, 8])
  })
})
