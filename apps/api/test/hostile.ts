import fc from 'fast-check'

/** Strings that attack a layer below: SQL, markup, templates, paths, encodings, control characters. */
export const HOSTILE_STRINGS = [
  "'; DROP TABLE pin; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(10)',
  "admin'--",
  '" UNION SELECT password_hash FROM staff_account --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '${7*7}',
  '{{constructor.constructor("return process")()}}',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\u202Etxt.exe',
  '=HYPERLINK("http://x")',
  '@SUM(1+1)',
  '__proto__',
  'constructor',
  'prototype',
  '-0',
  '1e309',
  'NaN',
  'Infinity',
  '9007199254740993',
  '0x10',
  ' ',
  '',
  '🙂'.repeat(50),
  'x'.repeat(5000),
]

/** A string that is hostile, random (any code points) or both. */
export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 20 })).map(([a, b]) => a + b),
  )

/** Any JSON value, including hostile strings and keys. */
export const hostileJson = (): fc.Arbitrary<unknown> =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      hostileString(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(hostileString(), fc.constantFrom('id', 'status', 'municipality_id', 'created_at')), tie('value'), { maxKeys: 4 }),
    ),
  })).value

interface JsonSchema {
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  minimum?: number
  maximum?: number
  maxLength?: number
  pattern?: string
}

/**
 * Values for a JSON schema (as found in the OpenAPI document): mostly valid, sometimes the
 * wrong type, a boundary or a hostile string, so that both the validator and the handler
 * behind it are exercised.
 */
export function fromSchema(schema: JsonSchema | undefined, hints: Hints = {}, depth = 0, name?: string): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return hostileJson()
  const valid = validFromSchema(schema, hints, depth)
  const hint = name ? hints[name] : undefined
  return fc.oneof(
    ...(hint ? [{ weight: 30, arbitrary: hint }] : []),
    { weight: 15, arbitrary: valid },
    { weight: 1, arbitrary: hostileJson() },
  )
}

/** Realistic values by field name (a category key that exists, a place inside the municipality). */
export type Hints = Record<string, fc.Arbitrary<unknown>>

function validFromSchema(schema: JsonSchema, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const choices = schema.anyOf ?? schema.oneOf
  if (choices?.length) return fc.oneof(...choices.map((s) => fromSchema(s, hints, depth + 1)))
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'integer': {
      const min = schema.minimum ?? -1e6
      const max = schema.maximum ?? 1e6
      return fc.oneof(fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) }), fc.constantFrom(min, max, min - 1, max + 1))
    }
    case 'number': {
      const min = schema.minimum ?? -1e6
      const max = schema.maximum ?? 1e6
      return fc.oneof(fc.double({ min, max, noNaN: true }), fc.constantFrom(min, max, min - 1e-9, max + 1e-9))
    }
    case 'boolean':
      return fc.boolean()
    case 'array':
      return fc.array(fromSchema(schema.items, hints, depth + 1), { maxLength: 6 })
    case 'object': {
      const props = Object.entries(schema.properties ?? {})
      const required = new Set(schema.required ?? [])
      return fc.record(
        Object.fromEntries(props.map(([k, s]) => [k, fromSchema(s, hints, depth + 1, k)])),
        { requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)) },
      )
    }
    case 'string':
    default:
      if (schema.pattern) {
        const pattern = new RegExp(schema.pattern)
        return fc.oneof(fc.stringMatching(pattern).filter((v) => v.length <= (schema.maxLength ?? 200)), hostileString())
      }
      return fc.oneof(hostileString(), fc.string({ maxLength: schema.maxLength ?? 40 }))
  }
}
