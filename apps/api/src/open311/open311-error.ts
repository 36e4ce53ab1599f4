import type { Open311Errors } from '@trygg/domain'

/**
 * An error answered as the GeoReport error list. `status` is the HTTP status: 404 for what
 * does not exist, 403 for a missing or refused api_key, 400 for any other bad request.
 */
export class Open311Error extends Error {
  readonly errors: Open311Errors

  constructor(
    readonly status: 400 | 403 | 404,
    descriptions: string | string[],
  ) {
    const list = Array.isArray(descriptions) ? descriptions : [descriptions]
    super(list.join(' '))
    this.name = 'Open311Error'
    this.errors = list.map((description) => ({ code: status, description }))
  }
}

export const badRequest = (descriptions: string | string[]) => new Open311Error(400, descriptions)
export const notFound = (description: string) => new Open311Error(404, description)
export const forbidden = (description: string) => new Open311Error(403, description)
