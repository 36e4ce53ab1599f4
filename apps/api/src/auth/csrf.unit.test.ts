import { describe, expect, it } from 'vitest'
import { claimedOrigin, csrfTokenMatches, expectedOrigin, newCsrfToken } from './csrf.ts'

describe('claimedOrigin', () => {
  it.each([
    [{ origin: 'https://trygg.example.se' }, 'https://trygg.example.se'],
    [{ origin: 'https://trygg.example.se', referer: 'https://evil.example/' }, 'https://trygg.example.se'],
    [{ referer: 'https://trygg.example.se:8443/personal?x=1' }, 'https://trygg.example.se:8443'],
    [{ origin: 'null', referer: 'https://trygg.example.se/' }, null],
    [{ origin: 'not a url' }, null],
    [{ referer: 'file:///etc/passwd' }, null],
    [{}, null],
  ])('reads %j as %s', (headers, expected) => {
    expect(claimedOrigin(headers)).toBe(expected)
  })
})

describe('expectedOrigin', () => {
  it('prefers the configured origin', () => {
    expect(expectedOrigin('https://trygg.example.se', { protocol: 'http', host: 'localhost:8080' })).toBe('https://trygg.example.se')
  })
  it("falls back to the request's own scheme and host, normalised", () => {
    expect(expectedOrigin(null, { protocol: 'http', host: 'localhost:8080' })).toBe('http://localhost:8080')
    expect(expectedOrigin(null, { protocol: 'https', host: 'Trygg.Example.se:443' })).toBe('https://trygg.example.se')
    expect(expectedOrigin(null, { protocol: 'http', host: 'bad host' })).toBeNull()
  })
})

describe('csrfTokenMatches', () => {
  it('accepts only the same token', () => {
    const token = newCsrfToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(csrfTokenMatches(token, token)).toBe(true)
    expect(csrfTokenMatches(newCsrfToken(), token)).toBe(false)
    expect(csrfTokenMatches(token.slice(1), token)).toBe(false)
    expect(csrfTokenMatches(undefined, token)).toBe(false)
    expect(csrfTokenMatches([token, token], token)).toBe(false)
  })
})
