import type { AppConfig } from '@trygg/domain'
import { useCallback, useEffect, useState } from 'react'
import { fetchConfig } from '../api/api-client.ts'
import { isAbortError } from '../api/api-error.ts'

export type ConfigState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; config: AppConfig }

/** Loads `/api/config` once; `retry` loads it again after an error. */
export function useConfig(): ConfigState & { retry: () => void } {
  const [attempt, setAttempt] = useState(0)
  const [state, setState] = useState<ConfigState>({ status: 'loading' })

  useEffect(
    function loadConfig() {
      const controller = new AbortController()
      setState({ status: 'loading' })
      fetchConfig(controller.signal)
        .then((config) => setState({ status: 'ready', config }))
        .catch((error: unknown) => {
          if (!isAbortError(error)) setState({ status: 'error', error })
        })
      return function cancelConfigLoad() {
        controller.abort()
      }
    },
    [attempt],
  )

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, retry }
}
