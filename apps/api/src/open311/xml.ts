import { XMLBuilder } from 'fast-xml-parser'

/**
 * The element each list's items get, by the list's name: GeoReport's XML wraps every list
 * (`<services><service>…</service></services>`), and its JSON is that XML read by the Spark
 * convention, so the JSON names the wrapper and the item name comes from here.
 */
export const ITEM_ELEMENT: Readonly<Record<string, string>> = Object.freeze({
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
})

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true, processEntities: true })

/** Characters XML 1.0 cannot carry, even escaped; dropped from text. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

function toNode(value: unknown): unknown {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value.replace(NOT_XML, '')
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) throw new Error('A list must be a named field to become XML')
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue
    out[key] = Array.isArray(v) ? listNode(key, v) : toNode(v)
  }
  return out
}

function listNode(name: string, items: unknown[]): unknown {
  const item = ITEM_ELEMENT[name]
  if (!item) throw new Error(`No item element is defined for the list "${name}"`)
  return items.length ? { [item]: items.map(toNode) } : ''
}

/**
 * A GeoReport document as XML with its declaration. `root` names the document element; a
 * list document (`services`, `service_requests`, `errors`) is given as its array.
 * @example toXml('errors', [{ code: 403, description: 'api_key is required.' }])
 * // <?xml version="1.0" encoding="utf-8"?>\n<errors>\n  <error>\n    <code>403</code> …
 */
export function toXml(root: string, document: unknown): string {
  const body = Array.isArray(document) ? listNode(root, document) : toNode(document)
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: body })}`
}
