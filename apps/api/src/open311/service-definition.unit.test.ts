import { describe, expect, it } from 'vitest'
import { readAttributes, serviceAttributes, toPinAttributes } from './service-definition.ts'

const defs = serviceAttributes('en')

describe('serviceAttributes', () => {
  it('has severity, times of day and day type, in order, in both languages', () => {
    for (const lang of ['sv', 'en'] as const) {
      const a = serviceAttributes(lang)
      expect(a.map((x) => [x.code, x.datatype, x.required, x.order])).toEqual([
        ['severity', 'singlevaluelist', true, 1],
        ['times_of_day', 'multivaluelist', true, 2],
        ['day_type', 'singlevaluelist', false, 3],
      ])
      expect(a[0]!.values.map((v) => v.key)).toEqual([1, 2, 3, 4, 5])
      expect(a[1]!.values.map((v) => v.key)).toEqual(['morning', 'day', 'evening', 'night'])
      expect(a[2]!.values.map((v) => v.key)).toEqual(['weekday', 'weekend', 'both'])
    }
    expect(serviceAttributes('sv')[0]!.values[4]!.name).toBe('Mycket otrygg')
  })
})

describe('readAttributes', () => {
  it('reads single values, [] lists and repeated fields', () => {
    const { values, problems } = readAttributes(
      { 'attribute[severity]': '4', 'attribute[times_of_day][]': ['night', 'evening'], 'attribute[times_of_day]': 'night', 'attribute[day_type]': 'weekend', lat: 55 },
      defs,
    )
    expect(problems).toEqual([])
    expect(toPinAttributes(values)).toEqual({ severity: 4, timesOfDay: ['evening', 'night'], dayType: 'weekend' })
  })

  it('leaves an optional attribute out', () => {
    const { values, problems } = readAttributes({ 'attribute[severity]': '1', 'attribute[times_of_day]': 'day' }, defs)
    expect(problems).toEqual([])
    expect(toPinAttributes(values).dayType).toBeNull()
  })

  it.each([
    ['a missing required attribute', { 'attribute[times_of_day]': 'day' }, /attribute\[severity\] is required/],
    ['a severity out of range', { 'attribute[severity]': '6', 'attribute[times_of_day]': 'day' }, /attribute\[severity\] must be one of 1, 2, 3, 4, 5; got "6"/],
    ['two severities', { 'attribute[severity][]': ['2', '3'], 'attribute[times_of_day]': 'day' }, /takes one value/],
    ['an unknown time of day', { 'attribute[severity]': '2', 'attribute[times_of_day][]': ['day', 'noon'] }, /one or more of morning, day, evening, night; got "noon"/],
    ['an unknown attribute', { 'attribute[severity]': '2', 'attribute[times_of_day]': 'day', 'attribute[colour]': 'red' }, /Unknown attribute "colour"/],
    ['a blank required attribute', { 'attribute[severity]': ' ', 'attribute[times_of_day]': 'day' }, /attribute\[severity\] is required/],
  ])('refuses %s', (_name, form, message) => {
    const { problems } = readAttributes(form, defs)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(message)
  })
})
