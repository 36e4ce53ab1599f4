import type { StaffSession } from '@trygg/domain'
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { ApiError, apiErrorMessage, isAbortError } from '../api/api-error.ts'
import { useI18n } from '../i18n/language.tsx'
import { fetchSession, signOut as requestSignOut } from './staff-api.ts'
import { useStaffMessages } from './use-staff-messages.ts'

export type SessionState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'signed-out'; reason: 'none' | 'expired' | 'signed-out' }
  | { status: 'signed-in'; session: StaffSession }

interface StaffSessionValue {
  state: SessionState
  /** After a successful sign-in. */
  signedIn: (session: StaffSession) => void
  /** Ends the session on the server, then locally. */
  signOut: () => Promise<void>
  /**
   * The message to show for a failed staff request. A 401 means the session ended (idle,
   * absolute, disabled): the workspace then returns to the sign-in page.
   */
  errorMessage: (error: unknown) => string
  retry: () => void
}

const StaffSessionContext = createContext<StaffSessionValue | null>(null)

/** Loads the session once (`GET /api/auth/session`) and shares it with the workspace. */
export function StaffSessionProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n()
  const m = useStaffMessages()
  const [state, setState] = useState<SessionState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(
    function loadSession() {
      const controller = new AbortController()
      fetchSession(controller.signal)
        .then((session) => setState({ status: 'signed-in', session }))
        .catch((error: unknown) => {
          if (isAbortError(error)) return
          setState(error instanceof ApiError && error.status === 401 ? { status: 'signed-out', reason: 'none' } : { status: 'error' })
        })
      return function cancelSessionLoad() {
        controller.abort()
      }
    },
    [attempt],
  )

  const signedIn = useCallback((session: StaffSession) => setState({ status: 'signed-in', session }), [])

  const signOut = useCallback(async () => {
    if (state.status === 'signed-in') await requestSignOut(state.session.csrfToken).catch(() => {})
    setState({ status: 'signed-out', reason: 'signed-out' })
  }, [state])

  const errorMessage = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) {
        setState({ status: 'signed-out', reason: 'expired' })
        return m.sessionEnded
      }
      return apiErrorMessage(error, lang, { network: m.networkError, other: m.unexpectedError })
    },
    [lang, m],
  )

  const retry = useCallback(() => {
    setState({ status: 'loading' })
    setAttempt((n) => n + 1)
  }, [])

  const value = useMemo(() => ({ state, signedIn, signOut, errorMessage, retry }), [state, signedIn, signOut, errorMessage, retry])
  return <StaffSessionContext value={value}>{children}</StaffSessionContext>
}

export function useStaffSession(): StaffSessionValue {
  const value = use(StaffSessionContext)
  if (!value) throw new Error('useStaffSession must be used inside StaffSessionProvider')
  return value
}

/** The live session; only for components shown while signed in. */
export function useSignedIn(): StaffSession {
  const { state } = useStaffSession()
  if (state.status !== 'signed-in') throw new Error('useSignedIn needs a signed-in session')
  return state.session
}
