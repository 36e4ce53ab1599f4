import { describe, expect, it } from 'vitest'
import { GEOMETRY_LAT, GEOMETRY_LON, guessMapping, mapRows, parseCsv, parseGeoJson, parseImportFile, unmatchedCategories } from './import-file.ts'

describe('import files', () => {
  it('reads a CSV with a byte order mark and semicolons, and guesses Swedish column names', () => {
    const file = parseCsv('\uFEFFLöpnummer;Latitud;Longitud;Kategori;Datum;Kommentar\r\n1;55,79;13,11;Belysning;2024-09-12;"Mörkt; ödsligt"\r\n\r\n')
    expect(file.columns).toEqual(['Löpnummer', 'Latitud', 'Longitud', 'Kategori', 'Datum', 'Kommentar'])
    expect(file.rows).toHaveLength(1)
    const mapping = guessMapping(file.columns)
    expect(mapping).toEqual({ lat: 'Latitud', lon: 'Longitud', category: 'Kategori', date: 'Datum', severity: '', timesOfDay: '', comment: 'Kommentar', externalId: 'Löpnummer' })
    expect(mapRows(file.rows, mapping)).toEqual([{ lat: '55,79', lon: '13,11', category: 'Belysning', date: '2024-09-12', comment: 'Mörkt; ödsligt', externalId: '1' }])
  })

  it("reads this app's own CSV export back", () => {
    const file = parseCsv('\uFEFFid,created_at,campaign_id,campaign,category,category_sv,category_en,severity,times_of_day,agreements,status,source,comment,lat,lon\r\n7,2025-09-05T19:00:00.000Z,2,V,lighting,Dålig belysning,Poor lighting,4,night,0,received,web,,55.8,13.1\r\n')
    expect(guessMapping(file.columns)).toEqual({ lat: 'lat', lon: 'lon', category: 'category', date: 'created_at', severity: 'severity', timesOfDay: 'times_of_day', comment: 'comment', externalId: 'id' })
  })

  it('reads GeoJSON Points with their coordinates as two columns', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 3, geometry: { type: 'Point', coordinates: [13.1, 55.8] }, properties: { category: 'moped', timesOfDay: ['evening', 'night'] } },
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[13.1, 55.8], [13.2, 55.8]] }, properties: { category: 'moped' } },
      ],
    })
    const file = parseImportFile('vandring.geojson', text)
    expect(file.columns.slice(0, 2)).toEqual([GEOMETRY_LON, GEOMETRY_LAT])
    const mapping = guessMapping(file.columns)
    expect(mapping).toMatchObject({ lon: GEOMETRY_LON, lat: GEOMETRY_LAT, category: 'category', externalId: 'id' })
    expect(mapRows(file.rows, { ...mapping, timesOfDay: 'timesOfDay' })).toEqual([
      { lat: '55.8', lon: '13.1', category: 'moped', timesOfDay: 'evening night', externalId: '3' },
      { lat: '', lon: '', category: 'moped' },
    ])
  })

  it('lists the category values that name no category, and sends a mapped value as its key', () => {
    const file = parseCsv('kategori\nBelysning\nbelysning\nDÅLIG BELYSNING\nlighting\nBelysning\nKlotter\n\n')
    const categories = [{ key: 'lighting', labelSv: 'Dålig belysning', labelEn: 'Poor lighting' }]
    expect(unmatchedCategories(file.rows, 'kategori', categories)).toEqual([
      { value: 'Belysning', count: 2 },
      { value: 'belysning', count: 1 },
      { value: 'Klotter', count: 1 },
    ])
    const mapping = { ...guessMapping(file.columns), category: 'kategori' }
    expect(mapRows(file.rows, mapping, { Belysning: 'lighting' }).map((r) => r.category)).toEqual(['lighting', 'belysning', 'DÅLIG BELYSNING', 'lighting', 'lighting', 'Klotter'])
  })

  it('refuses what is not a file of rows', () => {
    expect(() => parseGeoJson('{"type":"Feature"}')).toThrow('empty')
    expect(() => parseGeoJson('not json')).toThrow('json')
    expect(() => parseCsv('')).toThrow('empty')
  })
})
