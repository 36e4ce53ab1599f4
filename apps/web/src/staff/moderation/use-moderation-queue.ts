import type { ModerationItem, ModerationState } from '@trygg/domain'
import { useCallback, useEffect, useState } from 'react'
import { isAbortError } from '../../api/api-error.ts'
import { fetchModerationQueue } from '../staff-api.ts'

const PAGE = 50

export type QueueState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; items: ModerationItem[]; total: number; loadingMore: boolean }

/**
 * The moderation queue in one state, a page at a time. `remove` drops an item decided here,
 * so the list does not jump; `more` appends the next page.
 */
export function useModerationQueue(state: ModerationState) {
  const [queue, setQueue] = useState<QueueState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(
    function loadQueue() {
      const controller = new AbortController()
      setQueue({ status: 'loading' })
      fetchModerationQueue({ state, limit: PAGE, offset: 0 }, controller.signal)
        .then((q) => setQueue({ status: 'ready', items: q.items, total: q.total, loadingMore: false }))
        .catch((error: unknown) => {
          if (!isAbortError(error)) setQueue({ status: 'error', error })
        })
      return function cancelQueueLoad() {
        controller.abort()
      }
    },
    [state, attempt],
  )

  const more = useCallback(async () => {
    if (queue.status !== 'ready') return
    setQueue({ ...queue, loadingMore: true })
    try {
      const next = await fetchModerationQueue({ state, limit: PAGE, offset: queue.items.length })
      const known = new Set(queue.items.map((i) => `${i.kind}:${i.id}`))
      setQueue({ status: 'ready', items: [...queue.items, ...next.items.filter((i) => !known.has(`${i.kind}:${i.id}`))], total: next.total, loadingMore: false })
    } catch (error) {
      setQueue({ status: 'error', error })
    }
  }, [queue, state])

  const remove = useCallback((item: Pick<ModerationItem, 'kind' | 'id'>) => {
    setQueue((q) =>
      q.status === 'ready' ? { ...q, items: q.items.filter((i) => i.kind !== item.kind || i.id !== item.id), total: Math.max(0, q.total - 1) } : q,
    )
  }, [])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])

  return { queue, more, remove, reload }
}
