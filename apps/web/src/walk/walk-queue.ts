import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { NewWalkObservation } from '@trygg/domain'

/** An observation waiting on the phone until the server has it (and its photo). */
export interface QueuedObservation {
  clientId: string
  /** the walk's code */
  code: string
  body: NewWalkObservation
  /** the optional photo, kept as a Blob until it is uploaded */
  photo: Blob | null
  /** set once the server created the pin; only the photo is then left to send */
  pinId?: number
  followToken?: string
  /** the server's reason when it refused the observation for good (e.g. outside the municipality) */
  refused?: string
  queuedAt: string
}

interface WalkQueueSchema extends DBSchema {
  observations: { key: string; value: QueuedObservation; indexes: { byCode: string } }
}

const DB_NAME = 'trygg-walk'

let opened: Promise<IDBPDatabase<WalkQueueSchema>> | null = null

function db(): Promise<IDBPDatabase<WalkQueueSchema>> {
  opened ??= openDB<WalkQueueSchema>(DB_NAME, 1, {
    upgrade(database) {
      const store = database.createObjectStore('observations', { keyPath: 'clientId' })
      store.createIndex('byCode', 'code')
    },
  })
  return opened
}

/** Stores an observation before anything is sent, so closing the page loses nothing. */
export async function enqueue(item: QueuedObservation): Promise<void> {
  await (await db()).put('observations', item)
}

/** The walk's queued observations, oldest first. */
export async function queued(code: string): Promise<QueuedObservation[]> {
  const items = await (await db()).getAllFromIndex('observations', 'byCode', code)
  return items.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt))
}

export async function update(item: QueuedObservation): Promise<void> {
  await (await db()).put('observations', item)
}

export async function remove(clientId: string): Promise<void> {
  await (await db()).delete('observations', clientId)
}
