import { describe, expect, it } from 'vitest'
import { analysisQuery, DEFAULT_VIEW, exportQuery, heatQuery, parseHotspotView, viewSearch } from './hotspot-url.ts'

describe('parseHotspotView', () => {
  it('reads every setting', () => {
    expect(
      parseHotspotView('?method=gistar&campaign=3,2&category=speeding,moped&timeOfDay=night,evening&from=2026-09-01&to=2026-09-30&cellSize=250&weight=severity&fdr=true&heat=1&hotspot=x'),
    ).toEqual({
      ...DEFAULT_VIEW,
      method: 'gistar',
      campaigns: [3, 2],
      categories: ['speeding', 'moped'],
      timesOfDay: ['evening', 'night'],
      from: '2026-09-01',
      to: '2026-09-30',
      cellSize: 250,
      weight: 'severity',
      fdr: true,
      heat: true,
      selected: 'x',
    })
  })

  it('falls back to the defaults for anything missing or malformed', () => {
    expect(parseHotspotView('')).toEqual(DEFAULT_VIEW)
    expect(parseHotspotView('?method=kmeans&campaign=a,0,7&category=UFO,ok&timeOfDay=noon&from=1.1.2026&eps=1&minPoints=2.5&cellSize=x&weight=loud&fdr=1')).toEqual({
      ...DEFAULT_VIEW,
      campaigns: [7],
      categories: ['ok'],
    })
  })
})

describe('queries', () => {
  const view = { ...DEFAULT_VIEW, campaigns: [3], categories: ['lighting'], timesOfDay: ['night' as const], from: '2026-01-01' }

  it('asks the API only for the parameters of the method', () => {
    expect(analysisQuery(view)).toBe('method=dbscan&campaign=3&category=lighting&timeOfDay=night&from=2026-01-01&eps=50&minPoints=5')
    expect(analysisQuery({ ...view, method: 'gistar', fdr: true })).toBe(
      'method=gistar&campaign=3&category=lighting&timeOfDay=night&from=2026-01-01&cellSize=100&weight=count&fdr=true',
    )
    expect(heatQuery(view)).toBe('campaign=3&category=lighting&timeOfDay=night&from=2026-01-01')
    expect(heatQuery({ ...view, method: 'gistar', weight: 'severity' })).toContain('weight=severity')
  })

  it('keeps the page query short and round-trips it, keeping foreign parameters', () => {
    expect(viewSearch(DEFAULT_VIEW)).toBe('')
    const search = viewSearch({ ...view, heat: true, selected: 'dbscan-12', eps: 80 }, new URLSearchParams('tab=map&eps=1'))
    expect(search).toBe('?tab=map&campaign=3&category=lighting&timeOfDay=night&from=2026-01-01&eps=80&heat=1&hotspot=dbscan-12')
    expect(parseHotspotView(search)).toEqual({ ...view, heat: true, selected: 'dbscan-12', eps: 80 })
  })
})

describe('exportQuery', () => {
  it('carries the filters of the map and nothing of its method', () => {
    const view = parseHotspotView('?method=gistar&campaign=3,2&category=moped&timeOfDay=night&from=2026-09-01&to=2026-09-30&cellSize=250&heat=1&hotspot=x')
    expect(exportQuery(view, 'csv')).toBe('format=csv&campaign=3%2C2&category=moped&timeOfDay=night&from=2026-09-01&to=2026-09-30')
    expect(exportQuery(DEFAULT_VIEW, 'geojson')).toBe('format=geojson')
  })
})
