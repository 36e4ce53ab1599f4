import { describe, expect, it } from 'vitest'
import { generatePassword, hashPassword, needsRehash, verifyPassword } from './passwords.ts'

describe('passwords', () => {
  it('hashes with argon2id at the OWASP parameters and verifies', async () => {
    const hash = await hashPassword('rätt häst batteri häftstift')
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/)
    expect(await verifyPassword(hash, 'rätt häst batteri häftstift')).toBe(true)
    expect(await verifyPassword(hash, 'rätt häst batteri häftstif')).toBe(false)
    expect(needsRehash(hash)).toBe(false)
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A')).toBe(true)
    expect(await verifyPassword('not a hash', 'x')).toBe(false)
  })

  it('generates long, varied passwords', () => {
    const seen = new Set(Array.from({ length: 200 }, generatePassword))
    expect(seen.size).toBe(200)
    for (const p of seen) expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{4}(-[a-km-zA-HJ-NP-Z2-9]{4}){4}$/)
  })
})
