import type { ModerationItem, PhotoRedaction } from '@trygg/domain'
import { DEFAULT_CATEGORIES } from '@trygg/domain/constants'
import { useState } from 'react'
import { useI18n } from '../../i18n/language.tsx'
import { categoryLabel } from '../../i18n/localized.ts'
import type { CommentDecision } from '../staff-api.ts'
import { useStaffMessages } from '../use-staff-messages.ts'
import { PhotoRedactor } from './PhotoRedactor.tsx'
import { usePhotoRedactMessages } from './photo-redact-messages.ts'
import { RedactForm } from './RedactForm.tsx'

const CATEGORY_BY_KEY = new Map(DEFAULT_CATEGORIES.map((c) => [c.key, c]))

export interface ModerationCardProps {
  item: ModerationItem
  busy: boolean
  /** decisions; without them the card is read-only */
  onDecide?: ((d: CommentDecision) => void) | undefined
  /** blur and crop a photo; resolves true when done */
  onRedactPhoto?: ((r: PhotoRedaction) => Promise<boolean>) | undefined
  /** changes when the photo's file was replaced, so the image is fetched again */
  photoVersion?: number
}

/** One item of the queue with its decisions; read-only without `onDecide`. */
export function ModerationCard({ item, busy, onDecide, onRedactPhoto, photoVersion = 0 }: ModerationCardProps) {
  const m = useStaffMessages()
  const p = usePhotoRedactMessages()
  const { lang } = useI18n()
  const [editing, setEditing] = useState(false)
  const category = CATEGORY_BY_KEY.get(item.pin.category)
  const label = category ? categoryLabel(category, lang) : item.pin.category
  const headingId = `moderation-${item.kind}-${item.id}`
  const photoSrc = item.photoUrl && (photoVersion ? `${item.photoUrl}?v=${photoVersion}` : item.photoUrl)
  const submitted = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(item.submittedAt))

  return (
    <article className="staff-card moderation-card" aria-labelledby={headingId} data-testid={`moderation-item-${item.id}`}>
      <h3 id={headingId} className="moderation-card__title">
        {item.kind === 'photo' ? m.photoOn(label) : m.commentOn(label)}
      </h3>
      <p className="moderation-card__meta">
        {m.submitted} {submitted} · {m.severity(item.pin.severity)} · #{item.pin.id}
      </p>
      {item.pin.sensitive && <p className="staff-badge">{m.sensitive}</p>}
      {editing && item.kind === 'photo' && photoSrc && onRedactPhoto ? (
        <PhotoRedactor
          src={photoSrc}
          alt={m.photoAlt(label, item.pin.id)}
          busy={busy}
          onApply={(r) => void onRedactPhoto(r).then((done) => done && setEditing(false))}
          onCancel={() => setEditing(false)}
        />
      ) : editing && onDecide ? (
        <RedactForm
          text={item.text ?? ''}
          busy={busy}
          onSave={(text, reason) => onDecide({ decision: 'redact', text, reason })}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          {item.kind === 'photo' && photoSrc ? (
            <a className="moderation-card__photo" href={photoSrc} target="_blank" rel="noreferrer">
              <img src={photoSrc} alt={m.photoAlt(label, item.pin.id)} data-testid="moderation-photo" />
            </a>
          ) : (
            <blockquote className="moderation-card__text" lang="sv">
              {item.text}
            </blockquote>
          )}
          {onDecide && (
            <div className="staff-actions">
              {item.state !== 'approved' && (
                <button type="button" className="button button--primary button--small" disabled={busy} onClick={() => onDecide({ decision: 'approve' })} data-testid="approve">
                  {m.approve}
                </button>
              )}
              {item.state !== 'rejected' && (
                <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => onDecide({ decision: 'reject' })} data-testid="reject">
                  {m.reject}
                </button>
              )}
              {item.kind === 'photo' && onRedactPhoto && (
                <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => setEditing(true)} data-testid="photo-redact">
                  {p.open}
                </button>
              )}
              {item.kind === 'comment' && (
                <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => setEditing(true)} data-testid="redact">
                  {m.redact}
                </button>
              )}
            </div>
          )}
        </>
      )}
    </article>
  )
}
