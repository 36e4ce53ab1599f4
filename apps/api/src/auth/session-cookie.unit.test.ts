import { describe, expect, it } from 'vitest'
import { cookieIsSecure, isLoopbackHost, sessionCookieName } from './session-cookie.ts'

describe('cookieIsSecure', () => {
  it.each([
    ['http', 'localhost', false],
    ['http', '127.0.0.1', false],
    ['http', '[::1]', false],
    ['http', 'app.localhost', false],
    ['https', 'localhost', true],
    ['http', 'trygg.example.se', true],
    ['http', '192.168.1.20', true],
    ['https', 'trygg.example.se', true],
  ])('auto: %s://%s → %s', (protocol, hostname, secure) => {
    expect(cookieIsSecure('auto', { protocol, hostname })).toBe(secure)
  })

  it('follows an explicit setting', () => {
    expect(cookieIsSecure(true, { protocol: 'http', hostname: 'localhost' })).toBe(true)
    expect(cookieIsSecure(false, { protocol: 'https', hostname: 'trygg.example.se' })).toBe(false)
  })

  it('names the cookie with the __Host- prefix only when Secure', () => {
    expect(sessionCookieName(true)).toBe('__Host-trygg_session')
    expect(sessionCookieName(false)).toBe('trygg_session')
  })

  it('does not take look-alikes for loopback', () => {
    expect(isLoopbackHost('localhost.example.se')).toBe(false)
    expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false)
  })
})
