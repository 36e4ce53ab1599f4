import { useCallback, useEffect, useState } from 'react'
import { isAbortError } from '../../api/api-error.ts'

export type FetchState<T> =
  | { status: 'loading'; data: T | null }
  | { status: 'ready'; data: T }
  | { status: 'error'; data: T | null; error: unknown }

/**
 * Runs `load` whenever `key` changes (null: not at all), aborting the previous run; keeps the
 * last data while loading so the map does not flash empty. `retry` runs it again.
 */
export function useFetch<T>(key: string | null, load: (key: string, signal: AbortSignal) => Promise<T>): FetchState<T> & { retry: () => void } {
  const [state, setState] = useState<FetchState<T>>({ status: 'loading', data: null })
  const [attempt, setAttempt] = useState(0)

  useEffect(
    function fetchOnKeyChange() {
      if (key === null) return
      const controller = new AbortController()
      setState((s) => ({ status: 'loading', data: s.data }))
      load(key, controller.signal)
        .then((data) => {
          if (!controller.signal.aborted) setState({ status: 'ready', data })
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted && !isAbortError(error)) setState((s) => ({ status: 'error', data: s.data, error }))
        })
      return function abortFetch() {
        controller.abort()
      }
    },
    // `load` must be a stable (module-level) function; only `key` and retries refetch
    [key, attempt],
  )

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, retry }
}
