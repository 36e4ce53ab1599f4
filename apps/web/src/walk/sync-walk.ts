import type { NewWalkObservation, WalkObservationCreated } from '@trygg/domain'
import { requestJson } from '../api/api-client.ts'
import { ApiError } from '../api/api-error.ts'
import { uploadPhoto } from '../api/upload-photo.ts'
import { queued, remove, update, type QueuedObservation } from './walk-queue.ts'

/** Sends one observation; a resend of the same clientId answers the pin created first. */
export function sendObservation(code: string, body: NewWalkObservation): Promise<WalkObservationCreated> {
  return requestJson<WalkObservationCreated>(`/api/walks/${encodeURIComponent(code)}/observations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

/** Whether to try again later: the network, the rate limit or the server, not the observation itself. */
const isTemporary = (error: unknown) => !(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500

/**
 * Sends the walk's queued observations in order, each one's photo after it, and removes each
 * once the server has all of it. Stops at the first temporary failure (offline, rate limit),
 * leaving the rest queued; marks an observation the server refuses for good as refused.
 * Returns how many were sent completely.
 */
export async function syncWalk(code: string, messageOf: (error: unknown) => string): Promise<number> {
  let sent = 0
  for (const item of await queued(code)) {
    if (item.refused) continue
    try {
      await sendOne(item)
      await remove(item.clientId)
      sent++
    } catch (error) {
      if (isTemporary(error)) break
      await update({ ...item, refused: messageOf(error) })
    }
  }
  return sent
}

async function sendOne(item: QueuedObservation): Promise<void> {
  let current = item
  const create = async () => {
    const created = await sendObservation(item.code, item.body)
    current = { ...current, pinId: created.id, followToken: created.followToken }
    await update(current)
  }
  if (current.pinId === undefined || !current.followToken) await create()
  if (!current.photo) return
  for (let attempt = 0; ; attempt++) {
    try {
      await uploadPhoto(current.pinId!, current.followToken!, current.photo, () => undefined)
      return
    } catch (error) {
      // The photo arrived earlier and only its answer was lost.
      if (error instanceof ApiError && error.code === 'PHOTO_EXISTS') return
      // The follow token was replaced by a resend: a resend gives a fresh one.
      if (error instanceof ApiError && error.status === 403 && attempt === 0) {
        await create()
        continue
      }
      if (isTemporary(error)) throw error
      // The server refused the image itself (not an image, damaged): the observation stands without it.
      return
    }
  }
}
