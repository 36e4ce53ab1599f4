import type { ErrorBody, PhotoUploaded } from '@trygg/domain'
import { ApiError } from './api-error.ts'
import { apiUrl } from './site-base.ts'

/**
 * Uploads a photo to a pin with XMLHttpRequest, which reports upload progress (fetch does
 * not): `onProgress` gets the share sent, 0..1. The body is the file itself, with the pin's
 * follow token in a header. Rejects with ApiError (status 0 when the server was not reached).
 */
export function uploadPhoto(pinId: number, followToken: string, file: Blob, onProgress: (share: number) => void): Promise<PhotoUploaded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', apiUrl(`/api/pins/${encodeURIComponent(pinId)}/photo`))
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream')
    xhr.setRequestHeader('X-Follow-Token', followToken)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.responseType = 'json'
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total)
    })
    xhr.addEventListener('load', () => {
      const body = xhr.response as unknown
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1)
        resolve(body as PhotoUploaded)
      } else {
        const isError = typeof body === 'object' && body !== null && 'code' in body
        reject(new ApiError(xhr.status, isError ? (body as ErrorBody) : null))
      }
    })
    xhr.addEventListener('error', () => reject(new ApiError(0, null, 'Network error')))
    xhr.addEventListener('abort', () => reject(new DOMException('Upload aborted', 'AbortError')))
    xhr.send(file)
  })
}
