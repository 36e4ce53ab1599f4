/** The catalogue of error codes the API answers with. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_JSON'
  | 'BODY_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'NOT_FOUND'
  | 'UNKNOWN_CATEGORY'
  | 'PIN_OUTSIDE_BOUNDARY'
  | 'BAD_REQUEST'
  | 'NOT_AUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'FORBIDDEN'
  | 'CSRF_REJECTED'
  | 'TOO_MANY_ATTEMPTS'
  | 'CONFLICT'
  | 'EMAIL_TAKEN'
  | 'LAST_ADMIN'
  | 'NO_OPEN_CAMPAIGN'
  | 'ANTIBOT_FAILED'
  | 'RATE_LIMITED'
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL'
  | 'PHOTO_NOT_AN_IMAGE'
  | 'PHOTO_TOO_MANY_PIXELS'
  | 'PHOTO_DAMAGED'
  | 'PHOTO_EXISTS'
  | 'GEOCODER_UNAVAILABLE'
  | 'WALK_CLOSED'

export interface FieldError {
  field: string
  message: string
}

/** An error with a code, an HTTP status and messages in English and Swedish. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly messageSv?: string,
    readonly fields?: FieldError[],
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const notFound = (what: string, whatSv: string) =>
  new AppError(404, 'NOT_FOUND', `${what} was not found.`, `${whatSv} hittades inte.`)
