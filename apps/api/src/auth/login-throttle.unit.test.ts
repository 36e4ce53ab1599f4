import { describe, expect, it } from 'vitest'
import { addressKey, throttleKeys } from './login-throttle.ts'

describe('addressKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:db8::', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
    ['2001:DB8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
  ])('%s → %s', (ip, key) => {
    expect(addressKey(ip)).toBe(key)
  })
})

describe('throttleKeys', () => {
  it('hashes both keys, and never to the same value for an account and an address', () => {
    const keys = throttleKeys('a@b.se', '203.0.113.7')
    expect(keys.account).toHaveLength(32)
    expect(keys.address).toHaveLength(32)
    expect(keys.account.equals(throttleKeys('203.0.113.7', 'a@b.se').address)).toBe(false)
    expect(throttleKeys('a@b.se', '2001:db8:1:2::1').address.equals(throttleKeys('x@y.se', '2001:db8:1:2::99').address)).toBe(true)
  })
})
