import type { AdminCategory, CampaignChange, CategoryChange, NewCampaign, NewCategory, StaffCampaign } from '@trygg/domain'
import { useCallback, useMemo, useState } from 'react'
import { useStatus } from '../../status/status.tsx'
import { useSignedIn, useStaffSession } from '../staff-session.tsx'
import { changeCampaign, changeCategory, createCampaign, createCategory } from './admin-api.ts'

/** The administration writes, with the session's CSRF token bound. */
export interface AdminApi {
  createCampaign: (c: NewCampaign) => Promise<StaffCampaign>
  changeCampaign: (id: number, c: CampaignChange) => Promise<StaffCampaign>
  createCategory: (c: NewCategory) => Promise<AdminCategory>
  changeCategory: (id: number, c: CategoryChange) => Promise<AdminCategory>
}

export interface AdminActions {
  /** what is being saved (a form or row key), or null */
  busy: string | null
  /** the last failure's message, shown in the page's alert */
  failure: string | null
  /** Runs one write; on success announces `done` and reloads the lists, on failure shows the API's message. */
  run: (key: string, done: string, write: (api: AdminApi) => Promise<unknown>) => void
}

/** One place for the page's writes: busy state, the error message, the announcement, and `version` to refetch after. */
export function useAdminActions(): AdminActions & { version: number } {
  const session = useSignedIn()
  const { errorMessage } = useStaffSession()
  const { announce } = useStatus()
  const [busy, setBusy] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const csrf = session.csrfToken

  const api = useMemo<AdminApi>(
    () => ({
      createCampaign: (c) => createCampaign(csrf, c),
      changeCampaign: (id, c) => changeCampaign(csrf, id, c),
      createCategory: (c) => createCategory(csrf, c),
      changeCategory: (id, c) => changeCategory(csrf, id, c),
    }),
    [csrf],
  )

  const run = useCallback(
    (key: string, done: string, write: (api: AdminApi) => Promise<unknown>) => {
      setBusy(key)
      setFailure(null)
      write(api)
        .then(() => {
          announce(done, 'success')
          setVersion((v) => v + 1)
        })
        .catch((error: unknown) => setFailure(errorMessage(error)))
        .finally(() => setBusy(null))
    },
    [api, announce, errorMessage],
  )

  return { busy, failure, run, version }
}
