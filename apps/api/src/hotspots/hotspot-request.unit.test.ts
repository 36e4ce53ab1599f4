import { describe, expect, it } from 'vitest'
import { comparisonCampaign, gridCellCount, parseHotspotQuery, type RequestContext } from './hotspot-request.ts'
import type { CampaignRow } from './hotspots.queries.ts'

const campaign = (id: number, startsAt: string, kind: CampaignRow['kind'] = 'digital'): CampaignRow => ({
  id,
  kind,
  name: `c${id}`,
  starts_at: new Date(startsAt),
  ends_at: null,
})

const campaigns = [campaign(4, '2026-09-01'), campaign(3, '2025-09-01'), campaign(2, '2024-09-01'), campaign(1, '2020-01-01', 'continuous')]

describe('comparisonCampaign', () => {
  it('is the campaign that started last before the earliest selected one', () => {
    expect(comparisonCampaign(campaigns, [4], undefined)?.id).toBe(3)
    expect(comparisonCampaign(campaigns, [4, 3], undefined)?.id).toBe(2)
    expect(comparisonCampaign(campaigns, [4, 2], undefined)?.id).toBe(1)
    expect(comparisonCampaign(campaigns, [1], undefined)).toBeNull()
  })

  it('is compareTo when given, and none without a selection', () => {
    expect(comparisonCampaign(campaigns, [4], 1)?.id).toBe(1)
    expect(comparisonCampaign(campaigns, null, 2)?.id).toBe(2)
    expect(comparisonCampaign(campaigns, null, undefined)).toBeNull()
  })
})

describe('gridCellCount', () => {
  it('counts the cells aligned to multiples of the size that a bbox spans', () => {
    expect(gridCellCount({ xmin: 0, ymin: 0, xmax: 99.9, ymax: 99.9 }, 100)).toBe(1)
    expect(gridCellCount({ xmin: 50, ymin: 50, xmax: 150, ymax: 250 }, 100)).toBe(6)
    expect(gridCellCount({ xmin: 380001, ymin: 6185001, xmax: 380499, ymax: 6185499 }, 100)).toBe(25)
  })
})

describe('parseHotspotQuery', () => {
  const ctx: RequestContext = {
    area: { municipalityId: 1, name: 'Test', metricSrid: 3006, timeZone: 'Europe/Stockholm', bbox: { xmin: 0, ymin: 0, xmax: 10_000, ymax: 10_000 } },
    categories: [{ id: 11, key: 'lighting', label_sv: 'Belysning', label_en: 'Lighting', group_key: 'physical', sensitive: false, active: true }],
    campaigns,
  }

  it('applies the defaults and turns keys into ids and masks', () => {
    expect(parseHotspotQuery({ method: 'dbscan', campaign: '4,4', category: 'lighting', timeOfDay: 'evening,night' }, ctx)).toEqual({
      filter: { municipalityId: 1, timeZone: 'Europe/Stockholm', campaignIds: [4], categoryIds: [11], timeOfDayMask: 12, from: null, to: null },
      applied: { campaigns: [4], categories: ['lighting'], timesOfDay: ['evening', 'night'], from: null, to: null },
      analysis: { method: 'dbscan', eps: 50, minPoints: 5, comparison: campaigns[1] },
    })
    expect(parseHotspotQuery({ method: 'gistar' }, ctx).analysis).toEqual({ method: 'gistar', cellSize: 100, weight: 'count', fdr: false, cells: 'notable' })
  })

  it('refuses a grid over the cell limit and says which size would do', () => {
    expect(() => parseHotspotQuery({ method: 'gistar', cellSize: 20 }, ctx)).toThrow(/choose at least 30 m/)
    expect(() => parseHotspotQuery({ method: 'gistar', cellSize: 30 }, ctx)).not.toThrow()
  })
})
