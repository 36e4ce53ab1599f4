import crypto from 'node:crypto'
import * as argon2 from 'argon2'

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's first configuration:
 * 19 MiB of memory, 2 iterations, 1 degree of parallelism.
 */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456, // KiB
  timeCost: 2, // iterations
  parallelism: 1, // lanes
} as const

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS)
}

/** True when `password` matches `hash`; false also for a hash that cannot be read. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password)
  } catch {
    return false
  }
}

/** True when `hash` was made with weaker parameters than ARGON2_OPTIONS. */
export function needsRehash(hash: string): boolean {
  try {
    return argon2.needsRehash(hash, { memoryCost: ARGON2_OPTIONS.memoryCost, timeCost: ARGON2_OPTIONS.timeCost, parallelism: ARGON2_OPTIONS.parallelism })
  } catch {
    return true
  }
}

let dummy: Promise<string> | null = null

/**
 * A hash of a random password, for verifying against when the account does not exist, so
 * that a wrong email takes as long to refuse as a wrong password.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(crypto.randomBytes(32).toString('base64url'))
  return dummy
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const GROUPS = 5
const GROUP_LENGTH = 4

/**
 * A new random password of five groups of four characters, e.g. `k7Qm-xT3p-…`: about 115 bits.
 */
export function generatePassword(): string {
  const groups: string[] = []
  for (let g = 0; g < GROUPS; g++) {
    let group = ''
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[crypto.randomInt(ALPHABET.length)]
    groups.push(group)
  }
  return groups.join('-')
}
