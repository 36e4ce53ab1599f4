import type { PublicPin } from '@trygg/domain'
import { useEffect, useRef, useState } from 'react'
import { requestJson } from '../api/api-client.ts'
import { isAbortError } from '../api/api-error.ts'
import { apiUrl } from '../api/site-base.ts'
import type { CategoryIndex } from '../categories/category-index.ts'
import { CategoryIcon } from '../categories/CategoryIcon.tsx'
import { useI18n } from '../i18n/language.tsx'
import { categoryLabel, timeOfDayLabel } from '../i18n/localized.ts'
import { useMediaMessages } from '../i18n/media-messages.ts'
import { useFocusOnMount } from '../report/use-focus-on-mount.ts'
import { useStatus } from '../status/status.tsx'

/** Pins fetched per page. */
const PAGE = 50

export interface PinListViewProps {
  /** [minLon, minLat, maxLon, maxLat] of the map view the list stands in for */
  bbox: readonly [number, number, number, number]
  categories: CategoryIndex
  timeZone: string
  /** back to the map, centred on a pin */
  onShowOnMap: (pin: PublicPin) => void
}

type ListState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; items: PublicPin[]; total: number; loadingMore: boolean }

const listUrl = (bbox: PinListViewProps['bbox'], offset: number) =>
  `/api/pins/list?${new URLSearchParams({ bbox: bbox.map((n) => n.toFixed(6)).join(','), limit: String(PAGE), offset: String(offset) })}`

/** The accessible alternative to the map: the public pins of the current map view as a list. */
export function PinListView({ bbox, categories, timeZone, onShowOnMap }: PinListViewProps) {
  const { lang, t } = useI18n()
  const m = useMediaMessages()
  const { announce } = useStatus()
  const [list, setList] = useState<ListState>({ status: 'loading' })
  const headingRef = useRef<HTMLHeadingElement>(null)
  useFocusOnMount(headingRef)
  const bboxKey = bbox.join(',')

  useEffect(
    function loadList() {
      const controller = new AbortController()
      setList({ status: 'loading' })
      requestJson<{ items: PublicPin[]; total: number }>(listUrl(bbox, 0), { signal: controller.signal })
        .then((page) => {
          setList({ status: 'ready', items: page.items, total: page.total, loadingMore: false })
          announce(m.listCount(page.items.length, page.total))
        })
        .catch((error: unknown) => {
          if (!isAbortError(error)) setList({ status: 'error' })
        })
      return function cancelListLoad() {
        controller.abort()
      }
    },
    [bboxKey],
  )

  async function more() {
    if (list.status !== 'ready') return
    setList({ ...list, loadingMore: true })
    try {
      const page = await requestJson<{ items: PublicPin[]; total: number }>(listUrl(bbox, list.items.length))
      const items = [...list.items, ...page.items]
      setList({ status: 'ready', items, total: page.total, loadingMore: false })
      announce(m.listCount(items.length, page.total))
    } catch {
      setList({ status: 'error' })
    }
  }

  const dateFormat = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeZone })
  return (
    <section className="pin-list" aria-labelledby="pin-list-heading" data-testid="pin-list">
      <h2 id="pin-list-heading" className="pin-list__heading" tabIndex={-1} ref={headingRef}>
        {m.listHeading}
      </h2>
      <p className="pin-list__intro">{m.listIntro}</p>
      {list.status === 'loading' && <p>{t.loading}</p>}
      {list.status === 'error' && <p className="form-error">{m.listError}</p>}
      {list.status === 'ready' && (
        <>
          <p className="pin-list__count" data-testid="pin-list-count">
            {m.listCount(list.items.length, list.total)}
          </p>
          <ol className="pin-list__items">
            {list.items.map((pin) => {
              const category = categories.get(pin.category)
              const label = category ? categoryLabel(category, lang) : pin.category
              return (
                <li key={pin.id} className="pin-list__item" data-testid={`pin-list-item-${pin.id}`}>
                  <h3 className="pin-list__title">
                    <span className="popup-title__icon" style={{ backgroundColor: category?.color }} aria-hidden="true">
                      <CategoryIcon group={category?.group ?? 'other'} size={16} />
                    </span>
                    {label}
                  </h3>
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
                        <dd>{pin.comment}</dd>
                      </>
                    )}
                    <dt>{t.statusHeading}</dt>
                    <dd>{t.pinStatus[pin.status]}</dd>
                    <dt>{t.markedOn}</dt>
                    <dd>{dateFormat.format(new Date(pin.createdAt))}</dd>
                  </dl>
                  {pin.photoUrl && <img className="pin-list__photo" src={apiUrl(pin.photoUrl)} alt={m.pinPhotoAlt} loading="lazy" />}
                  <button type="button" className="button button--small button--secondary" onClick={() => onShowOnMap(pin)} aria-label={`${m.showOnMap}: ${label}, ${dateFormat.format(new Date(pin.createdAt))}`}>
                    {m.showOnMap}
                  </button>
                </li>
              )
            })}
          </ol>
          {list.items.length < list.total && (
            <button type="button" className="button button--secondary" aria-disabled={list.loadingMore || undefined} onClick={() => void more()} data-testid="pin-list-more">
              {m.listMore}
            </button>
          )}
        </>
      )}
    </section>
  )
}
