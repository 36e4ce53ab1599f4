import { describe, expect, it } from 'vitest'
import { ACTION_STATUSES, PIN_STATUS_OF_ACTION, csvCell, toCsv } from './action-plan.ts'

describe('csvCell', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+46 70')).toBe("'+46 70")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\t=1')).toBe("'\t=1")
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
  })

  it('leaves ordinary text and numbers alone, quoting separators and line breaks', () => {
    expect(csvCell('Trygghet i offentlig miljö')).toBe('Trygghet i offentlig miljö')
    expect(csvCell(-3)).toBe('-3')
    expect(csvCell('a, b')).toBe('"a, b"')
    expect(csvCell('a;b')).toBe('"a;b"')
    expect(csvCell('rad 1\nrad 2')).toBe('"rad 1\nrad 2"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
  })

  it('joins rows with CRLF', () => {
    expect(toCsv([['a', 1], ['=b', null]])).toBe("a,1\r\n'=b,\r\n")
  })
})

describe('PIN_STATUS_OF_ACTION', () => {
  it('names a pin status for every action status', () => {
    expect(ACTION_STATUSES.map((s) => PIN_STATUS_OF_ACTION[s])).toEqual(['reviewed', 'action_planned', 'action_planned', 'done', 'not_done'])
  })
})
