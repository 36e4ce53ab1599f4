import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { csvCell, csvRow, neutraliseFormula, toCsv } from './csv.ts'

describe('CSV formula injection', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+46701234567', "'+46701234567"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['  =cmd|" /C calc"!A0', "'  =cmd|\" /C calc\"!A0"],
    ['Lampan är trasig', 'Lampan är trasig'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('neutralises %j', (input, output) => {
    expect(neutraliseFormula(input)).toBe(output)
  })

  it('quotes cells per RFC 4180 after neutralising', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('rad 1\nrad 2')).toBe('"rad 1\nrad 2"')
  })

  it('writes numbers, booleans, dates and empty values as values', () => {
    expect(csvRow([-3, 2.5, true, new Date('2026-01-02T03:04:05Z'), null, undefined, Number.NaN])).toBe('-3,2.5,true,2026-01-02T03:04:05.000Z,,,\r\n')
    expect(toCsv(['id', 'comment'], [[1, '@x'], [2, 'ok']])).toBe("id,comment\r\n1,'@x\r\n2,ok\r\n")
  })

  it('never lets a text cell start with a formula character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const cell = csvCell(text)
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell
        expect(/^[\s\u00a0]*[=+\-@\t\r]/.test(unquoted)).toBe(false)
        expect(unquoted.replace(/^'/, '')).toBe(text)
      }),
      { numRuns: 2000 },
    )
  })
})
