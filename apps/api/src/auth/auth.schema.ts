import Type from 'typebox'
import { ErrorBody, LoginRequest, StaffSession } from '@trygg/domain'

/** Error answers every staff route may give. */
export const staffErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 415: ErrorBody, 503: ErrorBody }

export const loginSchema = {
  summary: 'Sign in as staff',
  description:
    'Checks email and password and starts a new session: the answer sets the HttpOnly session cookie and ' +
    'carries the CSRF token. Any session the browser had is ended first. After 10 failed attempts within ' +
    '15 minutes for one account or from one address, answers 429 with Retry-After. Needs an Origin (or ' +
    'Referer) of this site.',
  tags: ['staff auth'],
  body: LoginRequest,
  response: { 200: StaffSession, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 415: ErrorBody, 429: ErrorBody, 503: ErrorBody },
}

export const logoutSchema = {
  summary: 'Sign out',
  description: 'Ends the session at once and clears the cookie. With a session, needs the x-csrf-token header.',
  tags: ['staff auth'],
  response: { 204: Type.Null(), 403: ErrorBody, 503: ErrorBody },
}

export const sessionSchema = {
  summary: 'The current staff session',
  description: 'Who is signed in, the CSRF token for state-changing requests, and when the session ends; 401 without a live session.',
  tags: ['staff auth'],
  response: { 200: StaffSession, 401: ErrorBody, 503: ErrorBody },
}
