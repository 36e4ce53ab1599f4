import type { ModerationItem, ModerationState, PhotoRedaction } from '@trygg/domain'
import { useEffect, useId, useRef, useState } from 'react'
import { useFocusOnMount } from '../../report/use-focus-on-mount.ts'
import { useStatus } from '../../status/status.tsx'
import { decideComment, decidePhoto, redactPhoto, type CommentDecision } from '../staff-api.ts'
import { useSignedIn, useStaffSession } from '../staff-session.tsx'
import { useStaffMessages } from '../use-staff-messages.ts'
import { ModerationCard } from './ModerationCard.tsx'
import { usePhotoRedactMessages } from './photo-redact-messages.ts'
import { useModerationQueue } from './use-moderation-queue.ts'

const STATES: readonly ModerationState[] = ['pending', 'approved', 'rejected']
const DECIDERS = new Set(['moderator', 'admin'])

/** The moderation queue: read by planners, decided by moderators and admins. */
export function ModerationPage() {
  const m = useStaffMessages()
  const p = usePhotoRedactMessages()
  const session = useSignedIn()
  const { errorMessage } = useStaffSession()
  const { announce } = useStatus()
  const id = useId()
  const [state, setState] = useState<ModerationState>('pending')
  const { queue, more, remove } = useModerationQueue(state)
  const [busy, setBusy] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [photoVersions, setPhotoVersions] = useState<Record<number, number>>({})
  const headingRef = useRef<HTMLHeadingElement>(null)
  useFocusOnMount(headingRef)
  const canDecide = DECIDERS.has(session.staff.role)

  useEffect(
    function reportLoadFailure() {
      if (queue.status === 'error') setFailure(errorMessage(queue.error))
    },
    [queue, errorMessage],
  )

  async function decide(item: ModerationItem, d: CommentDecision) {
    setBusy(`${item.kind}:${item.id}`)
    setFailure(null)
    try {
      if (item.kind === 'photo') {
        if (d.decision === 'redact') return
        await decidePhoto(session.csrfToken, item.id, d)
      } else {
        await decideComment(session.csrfToken, item.id, d)
      }
      remove(item)
      announce(d.decision === 'approve' ? m.approved : d.decision === 'reject' ? m.rejected : m.redacted, 'success')
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setBusy(null)
    }
  }

  /** Blurs and crops a photo; it leaves the list when its state changed, else its image is fetched again. */
  async function redact(item: ModerationItem, r: PhotoRedaction): Promise<boolean> {
    setBusy(`${item.kind}:${item.id}`)
    setFailure(null)
    try {
      const after = await redactPhoto(session.csrfToken, item.id, r)
      if (after.state !== item.state) remove(item)
      else setPhotoVersions((v) => ({ ...v, [item.id]: (v[item.id] ?? 0) + 1 }))
      announce(after.state === 'approved' && item.state !== 'approved' ? p.doneApproved : p.done, 'success')
      return true
    } catch (error) {
      setFailure(errorMessage(error))
      return false
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="staff-page" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {m.moderationHeading}
      </h2>
      <p className="staff-page__intro">{m.moderationIntro}</p>
      {!canDecide && <p className="staff-notice">{m.readOnlyNote}</p>}
      <div className="staff-toolbar">
        <label htmlFor={`${id}-state`}>{m.stateFilter}</label>
        <select id={`${id}-state`} value={state} onChange={(e) => setState(e.target.value as ModerationState)} data-testid="moderation-state">
          {STATES.map((s) => (
            <option key={s} value={s}>
              {m.states[s]}
            </option>
          ))}
        </select>
        {queue.status === 'ready' && (
          <p className="staff-toolbar__count" data-testid="queue-count">
            {m.queueCount(queue.total, state)}
          </p>
        )}
      </div>
      <div className="form-error-slot" role="alert">
        {failure && <p className="form-error">{failure}</p>}
      </div>
      {queue.status === 'loading' && <p role="status">{m.loading}</p>}
      {queue.status === 'ready' &&
        (queue.items.length === 0 ? (
          <p>{m.queueEmpty}</p>
        ) : (
          <ul className="moderation-list" data-testid="moderation-list">
            {queue.items.map((item) => (
              <li key={`${item.kind}:${item.id}`}>
                <ModerationCard item={item} busy={busy === `${item.kind}:${item.id}`} onDecide={canDecide ? (d) => void decide(item, d) : undefined}
                  onRedactPhoto={canDecide ? (r) => redact(item, r) : undefined}
                  photoVersion={photoVersions[item.id] ?? 0}
                />
              </li>
            ))}
          </ul>
        ))}
      {queue.status === 'ready' && queue.items.length < queue.total && (
        <button type="button" className="button button--secondary" disabled={queue.loadingMore} onClick={() => void more()}>
          {m.showMore}
        </button>
      )}
    </section>
  )
}
