import { describe, expect, it } from 'vitest'
import { EMPTY_DRAFT, toggleTimeOfDay, toNewPin, validateDraft, type PinDraft } from './pin-draft.ts'

const complete: PinDraft = { category: 'speeding', severity: 4, timesOfDay: ['evening', 'night'], comment: '' }

describe('validateDraft', () => {
  it('asks for category, severity and a time of day in an empty draft', () => {
    expect(validateDraft(EMPTY_DRAFT)).toEqual({
      category: 'categoryRequired',
      severity: 'severityRequired',
      timesOfDay: 'timesRequired',
    })
  })

  it('accepts a complete draft', () => {
    expect(validateDraft(complete)).toEqual({})
  })

  it('refuses a comment longer than 2000 characters', () => {
    expect(validateDraft({ ...complete, comment: 'x'.repeat(2001) })).toEqual({ comment: 'commentTooLong' })
  })
})

describe('toggleTimeOfDay', () => {
  it('keeps the canonical order', () => {
    expect(toggleTimeOfDay(['night'], 'morning', true)).toEqual(['morning', 'night'])
    expect(toggleTimeOfDay(['morning', 'night'], 'morning', false)).toEqual(['night'])
  })
})

describe('toNewPin', () => {
  it('rounds coordinates and leaves out a blank comment', () => {
    expect(toNewPin({ ...complete, comment: '   ' }, [55.793612345, 13.109512345])).toEqual({
      lat: 55.793612,
      lon: 13.109512,
      category: 'speeding',
      severity: 4,
      timesOfDay: ['evening', 'night'],
    })
  })

  it('trims the comment', () => {
    expect(toNewPin({ ...complete, comment: ' Mörkt \n' }, [55.79, 13.1]).comment).toBe('Mörkt')
  })

  it('does not mutate the draft', () => {
    const draft = { ...complete, timesOfDay: ['night' as const] }
    const pin = toNewPin(draft, [55.79, 13.1])
    pin.timesOfDay.push('day')
    expect(draft.timesOfDay).toEqual(['night'])
  })
})

describe('the "Vilka dagar?" answer', () => {
  const complete = { category: 'speeding', severity: 3, timesOfDay: ['evening' as const], comment: '' }
  it('is sent when given and left out otherwise', () => {
    expect(toNewPin({ ...complete, dayType: 'weekend' }, [55.8, 13.1]).dayType).toBe('weekend')
    expect('dayType' in toNewPin({ ...complete, dayType: null }, [55.8, 13.1])).toBe(false)
    expect('dayType' in toNewPin(complete, [55.8, 13.1])).toBe(false)
  })
})
