import { describe, expect, it } from 'vitest'
import { clusterQueryString } from './api-client.ts'

describe('clusterQueryString', () => {
  it('encodes the view and the filters the API expects', () => {
    const query = new URLSearchParams(
      clusterQueryString({ bbox: [12.9, 55.7, 13.25, 55.88], zoom: 12, categories: ['speeding', 'moped'], timesOfDay: ['evening', 'night'] }),
    )
    expect(query.get('bbox')).toBe('12.900000,55.700000,13.250000,55.880000')
    expect(query.get('zoom')).toBe('12')
    expect(query.get('category')).toBe('speeding,moped')
    expect(query.get('timeOfDay')).toBe('evening,night')
    expect(query.has('campaign')).toBe(false)
  })
})
