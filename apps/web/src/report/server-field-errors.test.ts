import type { ErrorBody } from '@trygg/domain'
import { describe, expect, it } from 'vitest'
import { serverFieldErrors } from './server-field-errors.ts'

function body(fields: ErrorBody['fields']): ErrorBody {
  return { statusCode: 400, code: 'VALIDATION', error: 'Bad Request', message: 'Invalid', fields }
}

describe('serverFieldErrors', () => {
  it('maps pointer-like paths to form fields', () => {
    expect(
      serverFieldErrors(
        body([
          { field: '/category', message: 'unknown category' },
          { field: 'timesOfDay/0', message: 'bad time' },
          { field: 'body.comment', message: 'too long' },
        ]),
      ),
    ).toEqual({ category: 'unknown category', timesOfDay: 'bad time', comment: 'too long' })
  })

  it('maps lat and lon to the place, keeping the first message', () => {
    expect(serverFieldErrors(body([{ field: 'lat', message: 'a' }, { field: '/lon', message: 'b' }]))).toEqual({ place: 'a' })
  })

  it('ignores unknown fields and missing bodies', () => {
    expect(serverFieldErrors(body([{ field: '/photo', message: 'x' }]))).toEqual({})
    expect(serverFieldErrors(null)).toEqual({})
  })
})
