import { useCallback, useEffect, useRef, useState } from 'react'
import { syncWalk } from './sync-walk.ts'
import { enqueue, queued, remove, type QueuedObservation } from './walk-queue.ts'

/** How often a waiting queue is tried again while the page is open. */
const RETRY_MS = 20_000

export interface WalkQueue {
  /** every observation still on the phone, refused ones included */
  items: QueuedObservation[]
  online: boolean
  add(item: QueuedObservation): Promise<void>
  discard(clientId: string): Promise<void>
  sync(): Promise<void>
}

/**
 * The walk's observation queue in IndexedDB: read at start, synced on page load, when the
 * browser comes online, after each new observation and every 20 s while something waits.
 */
export function useWalkQueue(code: string, messageOf: (error: unknown) => string): WalkQueue {
  const [items, setItems] = useState<QueuedObservation[]>([])
  const [online, setOnline] = useState(() => navigator.onLine)
  const messageRef = useRef(messageOf)
  useEffect(() => {
    messageRef.current = messageOf
  }, [messageOf])
  const running = useRef<Promise<void> | null>(null)
  const again = useRef(false)

  const refresh = useCallback(async () => setItems(await queued(code)), [code])

  const sync = useCallback((): Promise<void> => {
    if (running.current) {
      again.current = true
      return running.current
    }
    const run = async () => {
      do {
        again.current = false
        await syncWalk(code, (e) => messageRef.current(e)).catch(() => 0)
        await refresh()
      } while (again.current)
    }
    running.current = run().finally(() => {
      running.current = null
    })
    return running.current
  }, [code, refresh])

  useEffect(
    function syncOnLoadAndWhenOnline() {
      void refresh().then(sync)
      const goOnline = () => {
        setOnline(true)
        void sync()
      }
      const goOffline = () => setOnline(false)
      window.addEventListener('online', goOnline)
      window.addEventListener('offline', goOffline)
      const timer = window.setInterval(() => void sync(), RETRY_MS)
      return function stopSyncing() {
        window.removeEventListener('online', goOnline)
        window.removeEventListener('offline', goOffline)
        window.clearInterval(timer)
      }
    },
    [refresh, sync],
  )

  const add = useCallback(
    async (item: QueuedObservation) => {
      await enqueue(item)
      await refresh()
      void sync()
    },
    [refresh, sync],
  )

  const discard = useCallback(
    async (clientId: string) => {
      await remove(clientId)
      await refresh()
    },
    [refresh],
  )

  return { items, online, add, discard, sync }
}
