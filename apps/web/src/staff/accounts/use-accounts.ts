import type { StaffAccount } from '@trygg/domain'
import { useCallback, useEffect, useState } from 'react'
import { isAbortError } from '../../api/api-error.ts'
import { fetchAccounts } from '../staff-api.ts'

export type AccountsState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; accounts: StaffAccount[] }

/** The municipality's staff accounts; `put` adds or replaces one after a change here. */
export function useAccounts() {
  const [state, setState] = useState<AccountsState>({ status: 'loading' })

  useEffect(function loadAccounts() {
    const controller = new AbortController()
    fetchAccounts(controller.signal)
      .then((accounts) => setState({ status: 'ready', accounts }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setState({ status: 'error', error })
      })
    return function cancelAccountsLoad() {
      controller.abort()
    }
  }, [])

  const put = useCallback((account: StaffAccount) => {
    setState((s) => {
      if (s.status !== 'ready') return s
      const others = s.accounts.filter((a) => a.id !== account.id)
      return { status: 'ready', accounts: [...others, account].sort((a, b) => a.email.localeCompare(b.email)) }
    })
  }, [])

  return { state, put }
}
