/** Longest comment a resident may write, characters. */
export const MAX_COMMENT_LENGTH = 2000

/** Longest password input read at login, characters; longer inputs are refused unhashed. */
export const MAX_PASSWORD_INPUT = 256

/** Largest photo upload, bytes (10 MB). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024

/** The image types a photo may be uploaded as; every photo is stored as a JPEG. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const

/** Longest side of a stored photo, pixels. */
export const PHOTO_MAX_SIDE = 2048
