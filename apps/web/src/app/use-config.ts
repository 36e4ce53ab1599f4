import type { AppConfig } from '@trygg/domain'
import { useCallback, useEffect, useState } from 'react'
import { fetchConfig } from '../api/api-client.ts'
import { isAbortError } from '../api/api-error.ts'

export type ConfigState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; config: AppConfig }

/** The id of the JSON data block in which the server writes the configuration into the map page. */
const CONFIG_ELEMENT_ID = 'app-config'

/**
 * The configuration the server wrote into the page, read once: the map page carries it, so the
 * first view is drawn without waiting for `/api/config`. Null on other pages, or if unreadable.
 */
function configInPage(): AppConfig | null {
  const text = document.getElementById(CONFIG_ELEMENT_ID)?.textContent
  if (!text) return null
  try {
    return JSON.parse(text) as AppConfig
  } catch {
    return null
  }
}

/**
 * The configuration: the one written into the page if there is one, else loaded from
 * `/api/config` once; `retry` loads it again after an error.
 */
export function useConfig(): ConfigState & { retry: () => void } {
  const [attempt, setAttempt] = useState(0)
  const [fromPage] = useState(configInPage)
  const [state, setState] = useState<ConfigState>(fromPage ? { status: 'ready', config: fromPage } : { status: 'loading' })

  useEffect(
    function loadConfig() {
      if (attempt === 0 && fromPage) return
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
    [attempt, fromPage],
  )

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, retry }
}
