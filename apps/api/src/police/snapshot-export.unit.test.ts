import { describe, expect, it } from 'vitest'
import { csvField, neutralise } from './snapshot-export.ts'

describe('CSV cells', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+46 70', "'+46 70"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['Storgatan', 'Storgatan'],
    ['', ''],
  ])('neutralises %j as %j', (input, output) => expect(neutralise(input)).toBe(output))

  it('quotes text with commas, quotes or line breaks and leaves numbers alone', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`)
    expect(csvField(-13.5)).toBe('-13.5')
    expect(csvField('rad 1\nrad 2')).toBe('"rad 1\nrad 2"')
  })
})
