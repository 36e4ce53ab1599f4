import { describe, expect, it } from 'vitest'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { toXml } from './xml.ts'

const parse = (xml: string) => new XMLParser({ parseTagValue: false, isArray: (tag) => ['error', 'format', 'endpoint'].includes(tag) }).parse(xml)

describe('toXml', () => {
  it('wraps lists, writes null as an empty element and declares UTF-8', () => {
    const xml = toXml('errors', [{ code: 403, description: 'api_key is required.' }, { code: 400, description: null }])
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<errors>')).toBe(true)
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(parse(xml).errors.error).toEqual([{ code: '403', description: 'api_key is required.' }, { code: '400', description: '' }])
  })

  it('wraps nested lists by the Spark convention', () => {
    const xml = toXml('discovery', { changeset: 'x', endpoints: [{ url: 'u', formats: ['text/xml', 'application/json'] }] })
    expect(parse(xml).discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json'])
  })

  it('writes an empty list as an empty wrapper', () => {
    const xml = toXml('service_requests', [])
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(parse(xml)).toMatchObject({ service_requests: '' })
  })

  it('escapes markup and drops characters XML cannot carry', () => {
    const xml = toXml('errors', [{ code: 400, description: '<b>&"x"\u0001\uD800 ok ✓' }])
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(new XMLParser({ parseTagValue: false }).parse(xml).errors.error.description).toBe('<b>&"x" ok ✓')
  })

  it('refuses a list without a known item element', () => {
    expect(() => toXml('things', [1])).toThrow(/things/)
  })
})
