import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useI18n } from '../i18n/language.tsx'

export type StatusKind = 'info' | 'success' | 'error'

interface StatusMessage {
  text: string
  kind: StatusKind
  /** distinguishes repeats of the same text, so they are announced again */
  seq: number
}

export interface StatusContextValue {
  /** Shows `text` briefly and has screen readers announce it. */
  announce: (text: string, kind?: StatusKind) => void
}

const StatusContext = createContext<StatusContextValue | null>(null)

/** How long a status message stays visible, milliseconds. */
const VISIBLE_MS = 6000

/**
 * Owns the app's one polite live region (`role="status"`), rendered after `children`
 * and shown as a small toast. Must be inside `LanguageProvider` (a message is dropped
 * when the language changes rather than shown in the old one).
 */
export function StatusProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<StatusMessage | null>(null)
  const seq = useRef(0)
  const { lang } = useI18n()

  const announce = useCallback((text: string, kind: StatusKind = 'info') => {
    seq.current += 1
    setMessage({ text, kind, seq: seq.current })
  }, [])

  useEffect(
    function clearStatusLater() {
      if (!message) return
      const timer = window.setTimeout(() => setMessage(null), VISIBLE_MS)
      return function cancelClear() {
        window.clearTimeout(timer)
      }
    },
    [message],
  )

  useEffect(
    function clearStatusOnLanguageChange() {
      setMessage(null)
    },
    [lang],
  )

  const value = useMemo(() => ({ announce }), [announce])
  return (
    <StatusContext value={value}>
      {children}
      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {message && (
          <p key={message.seq} className={`status-toast status-toast--${message.kind}`}>
            {message.text}
          </p>
        )}
      </div>
    </StatusContext>
  )
}

export function useStatus(): StatusContextValue {
  const value = use(StatusContext)
  if (!value) throw new Error('useStatus must be used inside StatusProvider')
  return value
}
