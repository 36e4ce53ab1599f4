import type { ErrorBody } from '@trygg/domain'
import { PIN_FIELDS, type PinField } from './pin-draft.ts'

export type ServerFieldErrors = Partial<Record<PinField | 'place', string>>

/**
 * Field errors of an API error body by form field. Paths such as `category`,
 * `/timesOfDay/0` or `body.comment` map to their field; `lat` and `lon` map to `place`.
 * @example serverFieldErrors({ ..., fields: [{ field: '/severity', message: 'must be <= 5' }] }) // { severity: 'must be <= 5' }
 */
export function serverFieldErrors(body: ErrorBody | null | undefined): ServerFieldErrors {
  const result: ServerFieldErrors = {}
  for (const { field, message } of body?.fields ?? []) {
    const segments = field.split(/[/.[\]]+/).filter((s) => s && s !== 'body')
    const name = segments.find((s) => s === 'lat' || s === 'lon' || PIN_FIELDS.includes(s as PinField))
    const key = name === 'lat' || name === 'lon' ? 'place' : (name as PinField | undefined)
    if (key && !result[key]) result[key] = message
  }
  return result
}
