import type { AppConfig } from '@trygg/domain'
import { useEffect, useId, useState } from 'react'
import { isAbortError } from '../../api/api-error.ts'
import { useStatus } from '../../status/status.tsx'
import { useSignedIn, useStaffSession } from '../staff-session.tsx'
import { fetchBackgroundQuestions, setBackgroundQuestions } from './admin-api.ts'
import { useAdminMessages } from './admin-messages.ts'

/** Municipality settings: the background questions switch, and the server-set values for reference. */
export function SettingsPanel({ config }: { config: AppConfig }) {
  const { t } = useAdminMessages()
  const session = useSignedIn()
  const { errorMessage } = useStaffSession()
  const { announce } = useStatus()
  const id = useId()
  const [enabled, setEnabled] = useState<boolean | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(
    function loadBackgroundSetting() {
      const controller = new AbortController()
      fetchBackgroundQuestions(controller.signal)
        .then((q) => setEnabled(q.enabled))
        .catch((error: unknown) => {
          if (!isAbortError(error)) setFailure(errorMessage(error))
        })
      return function cancelBackgroundLoad() {
        controller.abort()
      }
    },
    [errorMessage],
  )

  function toggle(next: boolean) {
    setBusy(true)
    setFailure(null)
    setBackgroundQuestions(session.csrfToken, next)
      .then((q) => {
        setEnabled(q.enabled)
        announce(q.enabled ? t.backgroundOn : t.backgroundOff, 'success')
      })
      .catch((error: unknown) => setFailure(errorMessage(error)))
      .finally(() => setBusy(false))
  }

  return (
    <section className="staff-card admin-section" aria-labelledby={`${id}-heading`} id="installningar">
      <h3 id={`${id}-heading`}>{t.settings}</h3>
      <p className="staff-page__intro">{t.settingsIntro}</p>
      <div className="staff-field staff-checkbox">
        <input id={`${id}-background`} type="checkbox" checked={enabled ?? false} disabled={enabled === null || busy} onChange={(e) => toggle(e.target.checked)} data-testid="setting-background-questions" />
        <label htmlFor={`${id}-background`}>{t.backgroundQuestions}</label>
      </div>
      <div className="form-error-slot" role="alert">
        {failure && <p className="form-error">{failure}</p>}
      </div>
      <dl className="admin-settings">
        <dt>{t.sensitiveMinCount}</dt>
        <dd>
          {config.sensitiveMinCount} <span className="staff-muted">{t.serverSetting('TRYGG_SENSITIVE_MIN_COUNT')}</span>
        </dd>
      </dl>
    </section>
  )
}
