import { describe, expect, it } from 'vitest'
import { readBoundaryFile } from './boundary-file.ts'

const ring = [
  [13.0, 55.7],
  [13.2, 55.7],
  [13.2, 55.9],
  [13.0, 55.7],
]
const polygon = { type: 'Polygon', coordinates: [ring] }

describe('readBoundaryFile', () => {
  it('reads a bare polygon, a feature and a collection into one MultiPolygon preview', () => {
    for (const json of [polygon, { type: 'Feature', properties: {}, geometry: polygon }, { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: polygon }, { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[ring], [ring]] } }] }]) {
      const read = readBoundaryFile(JSON.stringify(json))
      expect(read.ok).toBe(true)
      if (read.ok) {
        expect(read.preview.geometry.type).toBe('MultiPolygon')
        expect(read.upload).toEqual(json)
      }
    }
    const collection = readBoundaryFile(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: polygon }, { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[ring], [ring]] } }] }))
    expect(collection.ok && collection.parts).toBe(3)
  })

  it('tells a file that is not JSON from JSON without polygons', () => {
    expect(readBoundaryFile('not json {')).toEqual({ ok: false, reason: 'not-json' })
    expect(readBoundaryFile('{"type":"Point","coordinates":[13,55]}')).toEqual({ ok: false, reason: 'not-polygon' })
    expect(readBoundaryFile('{"type":"FeatureCollection","features":[]}')).toEqual({ ok: false, reason: 'not-polygon' })
    expect(readBoundaryFile('{"type":"Feature","geometry":{"type":"LineString","coordinates":[[13,55],[14,56]]}}')).toEqual({ ok: false, reason: 'not-polygon' })
    expect(readBoundaryFile('[1,2]')).toEqual({ ok: false, reason: 'not-polygon' })
  })
})
