import type { PinCreated } from '@trygg/domain'
import { useRef } from 'react'
import { useI18n } from '../i18n/language.tsx'
import { useMediaMessages } from '../i18n/media-messages.ts'
import type { PhotoOutcome } from './photo-outcome.ts'
import { useStatus } from '../status/status.tsx'
import { copyText } from './copy-text.ts'
import { followUrl } from './follow-url.ts'
import { useFocusOnMount } from './use-focus-on-mount.ts'

export interface DoneStepProps {
  created: PinCreated
  /** what became of the photo, if one was chosen */
  photo?: PhotoOutcome
  onAnother: () => void
  onClose: () => void
}

/** Step 3: thanks, and the private follow link with a copy button. */
export function DoneStep({ created, photo = { kind: 'none' }, onAnother, onClose }: DoneStepProps) {
  const { t } = useI18n()
  const m = useMediaMessages()
  const { announce } = useStatus()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useFocusOnMount(headingRef)
  const url = followUrl(created.followToken)

  async function copyLink() {
    const ok = await copyText(url)
    announce(ok ? t.copied : t.copyFailed, ok ? 'success' : 'error')
  }

  return (
    <div className="step step--done">
      <h2 id="report-step-title" className="step__title" tabIndex={-1} ref={headingRef} data-testid="report-done">
        <span className="step__check" aria-hidden="true">
          ✓
        </span>
        {t.doneHeading}
      </h2>
      {photo.kind === 'uploaded' && (
        <p className="step__help" data-testid="photo-uploaded">
          {m.photoUploaded}
        </p>
      )}
      {photo.kind === 'failed' && (
        <p className="form-error" role="alert" data-testid="photo-failed">
          {m.photoFailed(photo.reason)}
        </p>
      )}
      <p className="step__help">{t.followIntro}</p>
      <p className="follow-link__label" id="follow-link-label">
        {t.followLinkLabel}
      </p>
      <p className="follow-link">
        <a href={url} data-testid="follow-link" aria-describedby="follow-link-label">
          {url}
        </a>
      </p>
      <div className="step__actions">
        <button type="button" className="button button--primary" onClick={copyLink} data-testid="copy-follow-link">
          {t.copyLink}
        </button>
        <button type="button" className="button button--secondary" onClick={onAnother} data-testid="mark-another">
          {t.markAnother}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose} data-testid="close-report">
          {t.done}
        </button>
      </div>
    </div>
  )
}
