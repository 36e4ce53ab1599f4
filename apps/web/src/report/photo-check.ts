import { MAX_PHOTO_BYTES, PHOTO_TYPES } from '@trygg/domain/constants'

export type PhotoProblem = 'photoWrongType' | 'photoTooLarge'

/**
 * What keeps a chosen file from being uploaded, checked before sending; the server checks the
 * bytes themselves again. A file without a type (some systems give none) is left to the server.
 * @example photoProblem({ type: 'image/gif', size: 10 }) // 'photoWrongType'
 */
export function photoProblem(file: { type: string; size: number }): PhotoProblem | undefined {
  if (file.type && !(PHOTO_TYPES as readonly string[]).includes(file.type)) return 'photoWrongType'
  if (file.size > MAX_PHOTO_BYTES) return 'photoTooLarge'
  return undefined
}
