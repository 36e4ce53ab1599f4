import type { AppConfig, FollowedPin } from '@trygg/domain'
import { useEffect, useRef, useState } from 'react'
import { ApiError, apiErrorMessage, isAbortError } from '../api/api-error.ts'
import { siteBase } from '../api/site-base.ts'
import { AppHeader } from '../app/AppHeader.tsx'
import { useConfig } from '../app/use-config.ts'
import { useI18n } from '../i18n/language.tsx'
import { categoryLabel, timeOfDayLabel } from '../i18n/localized.ts'
import { useStatus } from '../status/status.tsx'
import { deleteFollowed, fetchFollowed } from './follow-api.ts'
import { useResidentMessages } from './use-resident-messages.ts'
import { formatZonedDateTime } from './zoned-date.ts'

type Load = { status: 'loading' } | { status: 'missing' } | { status: 'error' } | { status: 'ready'; followed: FollowedPin } | { status: 'deleted' }

/** `/f/<token>`: the author's private view of their pin, its history, and deleting it. */
export function FollowPage({ token }: { token: string }) {
  const { t } = useI18n()
  const r = useResidentMessages()
  const config = useConfig()
  const [load, setLoad] = useState<Load>({ status: 'loading' })

  useEffect(
    function loadFollowed() {
      const controller = new AbortController()
      fetchFollowed(token, controller.signal)
        .then((followed) => setLoad({ status: 'ready', followed }))
        .catch((error: unknown) => {
          if (isAbortError(error)) return
          setLoad({ status: error instanceof ApiError && error.status === 404 ? 'missing' : 'error' })
        })
      return function cancelFollowLoad() {
        controller.abort()
      }
    },
    [token],
  )

  const ready = config.status === 'ready' ? config.config : null
  return (
    <div className="app">
      <AppHeader municipalityName={ready?.municipality.name} />
      <main className="follow" data-testid="follow-page">
        <h2 className="step__title">{r.followTitle}</h2>
        {load.status === 'loading' || (load.status === 'ready' && !ready) ? (
          <p role="status">{t.loading}</p>
        ) : load.status === 'missing' ? (
          <p role="alert">{r.followNotFound}</p>
        ) : load.status === 'error' ? (
          <p role="alert">{t.unexpectedError}</p>
        ) : load.status === 'deleted' ? (
          <p role="status" data-testid="follow-deleted">
            {r.deleted}
          </p>
        ) : (
          <FollowedDetails followed={load.followed} config={ready!} token={token} onDeleted={() => setLoad({ status: 'deleted' })} />
        )}
        <p>
          <a href={`${siteBase()}/`}>{r.toMap}</a>
        </p>
      </main>
    </div>
  )
}

function FollowedDetails({ followed, config, token, onDeleted }: { followed: FollowedPin; config: AppConfig; token: string; onDeleted: () => void }) {
  const { lang, t } = useI18n()
  const r = useResidentMessages()
  const { announce } = useStatus()
  const [confirming, setConfirming] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const confirmRef = useRef<HTMLButtonElement>(null)
  const { pin, history } = followed
  const zone = config.municipality.timeZone
  const category = config.categories.find((c) => c.key === pin.category)

  useEffect(
    function focusConfirm() {
      if (confirming) confirmRef.current?.focus()
    },
    [confirming],
  )

  async function remove() {
    setDeleting(true)
    try {
      await deleteFollowed(token)
      announce(r.deleted, 'success')
      onDeleted()
    } catch (error) {
      announce(apiErrorMessage(error, lang, { network: t.networkError, other: t.unexpectedError }), 'error')
      setDeleting(false)
    }
  }

  return (
    <>
      <p className="step__help">{r.followIntro}</p>
      <dl className="popup-facts">
        <dt>{r.categoryHeading}</dt>
        <dd>{category ? categoryLabel(category, lang) : pin.category}</dd>
        <dt>{t.severityHeading}</dt>
        <dd>
          {t.severityOf(pin.severity)} – {t.severityLabels[pin.severity - 1]}
        </dd>
        <dt>{t.timesHeading}</dt>
        <dd>{pin.timesOfDay.map((time) => timeOfDayLabel(time, lang)).join(', ')}</dd>
        {pin.comment && (
          <>
            <dt>{r.yourComment}</dt>
            <dd>
              {pin.comment}
              {pin.commentState === 'pending' && <span className="step__help"> ({r.commentPending})</span>}
              {pin.commentState === 'rejected' && <span className="step__help"> ({r.commentRejected})</span>}
            </dd>
          </>
        )}
        <dt>{r.agreementsHeading}</dt>
        <dd>{r.agreementCount(pin.agreementCount)}</dd>
        <dt>{t.statusHeading}</dt>
        <dd data-testid="follow-status">{r.historyStatus[pin.status]}</dd>
      </dl>

      <section aria-labelledby="history-title">
        <h3 id="history-title">{r.historyHeading}</h3>
        <ol className="follow__history" data-testid="follow-history">
          {history.map((event, i) => (
            <li key={i}>
              <strong>{r.historyStatus[event.status]}</strong>
              <time dateTime={event.at}>{formatZonedDateTime(event.at, lang, zone)}</time>
              {event.reason && (
                <span>
                  {r.reason}: {event.reason}
                </span>
              )}
            </li>
          ))}
        </ol>
      </section>

      {followed.actionItem && (
        <section aria-labelledby="action-title" data-testid="follow-action">
          <h3 id="action-title">{r.actionItemHeading}</h3>
          <p>{followed.actionItem.title}</p>
          {followed.actionItem.publicNote && <p>{followed.actionItem.publicNote}</p>}
        </section>
      )}

      <div className="step__actions">
        {confirming ? (
          <>
            <p role="alert">{r.confirmDelete}</p>
            <button type="button" className="button button--primary" ref={confirmRef} onClick={() => void remove()} aria-disabled={deleting || undefined} data-testid="confirm-delete">
              {r.deletePin}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t.cancel}
            </button>
          </>
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)} data-testid="delete-pin">
            {r.deletePin}
          </button>
        )}
      </div>
    </>
  )
}
