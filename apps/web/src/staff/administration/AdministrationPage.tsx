import type { AdminCategory, StaffCampaign } from '@trygg/domain'
import { useEffect, useId, useRef, useState } from 'react'
import { fetchConfig } from '../../api/api-client.ts'
import { useFocusOnMount } from '../../report/use-focus-on-mount.ts'
import { useFetch } from '../hotspots/use-fetch.ts'
import { useStaffSession } from '../staff-session.tsx'
import { useStaffMessages } from '../use-staff-messages.ts'
import { fetchCampaigns, fetchCategories } from './admin-api.ts'
import { useAdminMessages } from './admin-messages.ts'
import { BoundaryPanel } from './BoundaryPanel.tsx'
import { CampaignsPanel } from './CampaignsPanel.tsx'
import { CategoriesPanel } from './CategoriesPanel.tsx'
import { SettingsPanel } from './SettingsPanel.tsx'
import { useAdminActions } from './use-admin-actions.ts'
import './administration.css'

const loadLists = async (_key: string, signal: AbortSignal): Promise<{ campaigns: StaffCampaign[]; categories: AdminCategory[] }> => {
  const [campaigns, categories] = await Promise.all([fetchCampaigns(signal), fetchCategories(signal)])
  return { campaigns, categories }
}
const loadConfig = (_key: string, signal: AbortSignal) => fetchConfig(signal)

/** `/personal/administration`: campaigns, categories, municipality settings and boundary (admins only). */
export function AdministrationPage() {
  const m = useStaffMessages()
  const { t } = useAdminMessages()
  const { errorMessage } = useStaffSession()
  const [boundaryVersion, setBoundaryVersion] = useState(0)
  // Kept while it reloads after a boundary change, so the panels stay mounted.
  const config = useFetch(`config:${boundaryVersion}`, loadConfig)
  const actions = useAdminActions()
  const lists = useFetch(`lists:${actions.version}`, loadLists)
  const id = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useFocusOnMount(headingRef)
  const [loadFailure, setLoadFailure] = useState<string | null>(null)
  const failure = actions.failure ?? loadFailure
  const loadError = lists.status === 'error' ? lists.error : config.status === 'error' ? config.error : null

  useEffect(
    function reportLoadFailure() {
      setLoadFailure(loadError === null ? null : errorMessage(loadError))
    },
    [loadError, errorMessage],
  )

  return (
    <section className="staff-page admin-page" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t.heading}
      </h2>
      <p className="staff-page__intro">{t.intro}</p>
      <nav aria-label={t.contents} className="admin-contents">
        <ul>
          <li>
            <a href="#kampanjer">{t.campaigns}</a>
          </li>
          <li>
            <a href="#kategorier">{t.categories}</a>
          </li>
          <li>
            <a href="#installningar">{t.settings}</a>
          </li>
          <li>
            <a href="#kommungrans">{t.boundary}</a>
          </li>
        </ul>
      </nav>
      <div className="form-error-slot" role="alert" data-testid="admin-error">
        {failure && <p className="form-error">{failure}</p>}
      </div>
      {lists.data ? (
        <>
          <CampaignsPanel campaigns={lists.data.campaigns} actions={actions} />
          <CategoriesPanel categories={lists.data.categories} actions={actions} />
        </>
      ) : (
        lists.status === 'loading' && <p role="status">{m.loading}</p>
      )}
      {config.data && (
        <>
          <SettingsPanel config={config.data} />
          <BoundaryPanel config={config.data} onSaved={() => setBoundaryVersion((v) => v + 1)} />
        </>
      )}
    </section>
  )
}
