import crypto from 'node:crypto'

/** The cookie holding a resident device's random id; only hashes of it reach the database. */
export const DEVICE_COOKIE = 'trygg_device'

/** A device id is 128 random bits, base64url (22 characters). */
const DEVICE_ID = /^[A-Za-z0-9_-]{22}$/

export function newDeviceId(): string {
  return crypto.randomBytes(16).toString('base64url')
}

/** The cookie's value when it is a well-formed device id, else null. */
export function validDeviceId(value: string | undefined): string | null {
  return value !== undefined && DEVICE_ID.test(value) ? value : null
}

/**
 * What is stored for one device's agreement with one pin: SHA-256 of both, so the same device
 * leaves unrelated hashes on different pins.
 * @example agreementHash(1, 42, 'q3Yb0c7xK1m9sP2aT5vWfQ').length // 32
 */
export function agreementHash(municipalityId: number, pinId: number, deviceId: string): Buffer {
  return crypto.createHash('sha256').update(`pin-agreement:${municipalityId}:${pinId}:${deviceId}`).digest()
}
