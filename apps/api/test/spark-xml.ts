import { XMLParser, XMLValidator } from 'fast-xml-parser'

/** GeoReport list wrappers and the element of their items. */
const WRAPPERS: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
}
const ITEMS = new Set(Object.values(WRAPPERS))

/**
 * Parses a GeoReport XML document (which must be well-formed, with a UTF-8 declaration and one
 * root element) and returns its root element's name and its value read by the Spark
 * convention: a wrapper becomes an array of its items, text stays text, an empty element is ''.
 */
export function readSparkXml(xml: string): { root: string; value: unknown } {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`Not well-formed XML: ${JSON.stringify(valid)}`)
  if (!/^<\?xml version="1\.0" encoding="utf-8"\?>/i.test(xml)) throw new Error('No UTF-8 XML declaration')
  const doc = new XMLParser({ parseTagValue: false, trimValues: true, isArray: (tag) => ITEMS.has(tag) }).parse(xml) as Record<string, unknown>
  const roots = Object.keys(doc).filter((k) => k !== '?xml')
  if (roots.length !== 1) throw new Error(`Expected one root element, got ${roots.join(', ')}`)
  return { root: roots[0]!, value: spark(roots[0]!, doc[roots[0]!]) }
}

function spark(name: string, node: unknown): unknown {
  const item = WRAPPERS[name]
  if (item) {
    if (node === '') return []
    const keys = Object.keys(node as object)
    if (keys.length !== 1 || keys[0] !== item) throw new Error(`<${name}> must hold only <${item}> elements, got ${keys.join(', ')}`)
    return ((node as Record<string, unknown[]>)[item] ?? []).map((child) => spark(item, child))
  }
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, spark(k, v)]))
  }
  return node
}

/** A JSON document as its XML would read: numbers and booleans as text, null as ''. */
export function asXmlText(value: unknown): unknown {
  if (value === null) return ''
  if (Array.isArray(value)) return value.map(asXmlText)
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, asXmlText(v)]))
  return String(value)
}
