import type { PublicPin } from '@trygg/domain'
import type { LatLngTuple } from 'leaflet'
import { useEffect, useRef, useState } from 'react'
import { Popup } from 'react-leaflet'
import { fetchPin } from '../api/api-client.ts'
import { isAbortError } from '../api/api-error.ts'
import { apiUrl } from '../api/site-base.ts'
import type { CategoryIndex } from '../categories/category-index.ts'
import { CategoryIcon } from '../categories/CategoryIcon.tsx'
import { useI18n } from '../i18n/language.tsx'
import { useMediaMessages } from '../i18n/media-messages.ts'
import { categoryLabel, timeOfDayLabel } from '../i18n/localized.ts'
import { usePopupFocus } from './use-popup-focus.ts'
import { PopupAgree } from '../resident/PopupAgree.tsx'
import { formatZonedDate } from '../resident/zoned-date.ts'

export interface PinPopupProps {
  pinId: number
  position: LatLngTuple
  categories: CategoryIndex
  /** IANA zone the dates are shown in */
  timeZone: string
  onClose: () => void
}

type PinState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; pin: PublicPin }

/** A popup on the map with one pin's public details, fetched when it opens. */
export function PinPopup({ pinId, position, categories, timeZone, onClose }: PinPopupProps) {
  const [state, setState] = useState<PinState>({ status: 'loading' })

  useEffect(
    function loadPin() {
      const controller = new AbortController()
      setState({ status: 'loading' })
      fetchPin(pinId, controller.signal)
        .then((pin) => setState({ status: 'ready', pin }))
        .catch((error: unknown) => {
          if (!isAbortError(error)) setState({ status: 'error' })
        })
      return function cancelPinLoad() {
        controller.abort()
      }
    },
    [pinId],
  )

  return (
    <Popup position={position} className="map-popup" eventHandlers={{ remove: onClose }}>
      <PinDetails state={state} categories={categories} timeZone={timeZone} />
    </Popup>
  )
}

function PinDetails({ state, categories, timeZone }: { state: PinState; categories: CategoryIndex; timeZone: string }) {
  const { lang, t } = useI18n()
  const media = useMediaMessages()
  const contentRef = useRef<HTMLDivElement>(null)
  usePopupFocus(contentRef, t.close)

  if (state.status !== 'ready') {
    return (
      <div className="popup-body" tabIndex={-1} ref={contentRef}>
        <p>{state.status === 'loading' ? t.loading : t.pinLoadError}</p>
      </div>
    )
  }

  const { pin } = state
  const category = categories.get(pin.category)
  return (
    <div className="popup-body" tabIndex={-1} ref={contentRef} aria-labelledby="pin-popup-title">
      <h2 className="popup-title" id="pin-popup-title">
        <span className="popup-title__icon" style={{ backgroundColor: category?.color }}>
          <CategoryIcon group={category?.group ?? 'other'} size={16} />
        </span>
        {category ? categoryLabel(category, lang) : pin.category}
      </h2>
      <dl className="popup-facts">
        <dt>{t.severityHeading}</dt>
        <dd>
          {t.severityOf(pin.severity)} – {t.severityLabels[pin.severity - 1]}
        </dd>
        <dt>{t.timesHeading}</dt>
        <dd>{pin.timesOfDay.map((time) => timeOfDayLabel(time, lang)).join(', ')}</dd>
        {pin.comment && (
          <>
            <dt>{t.commentHeading}</dt>
            <dd className="popup-comment">{pin.comment}</dd>
          </>
        )}
        <dt>{t.statusHeading}</dt>
        <dd>{t.pinStatus[pin.status]}</dd>
        <PopupAgree pinId={pin.id} count={pin.agreementCount} />
        <dt>{t.markedOn}</dt>
        <dd>{formatZonedDate(pin.createdAt, lang, timeZone)}</dd>
      </dl>
      {pin.photoUrl && <img className="popup-photo" src={apiUrl(pin.photoUrl)} alt={media.pinPhotoAlt} loading="lazy" data-testid="pin-photo" />}
    </div>
  )
}
