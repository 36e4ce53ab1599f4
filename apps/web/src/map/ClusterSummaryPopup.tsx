import type { LatLngTuple } from 'leaflet'
import { useRef } from 'react'
import { Popup } from 'react-leaflet'
import type { CategoryIndex } from '../categories/category-index.ts'
import { useI18n } from '../i18n/language.tsx'
import { categoryLabel } from '../i18n/localized.ts'
import { usePopupFocus } from './use-popup-focus.ts'

export interface ClusterSummaryPopupProps {
  position: LatLngTuple
  count: number
  counts: Readonly<Record<string, number>>
  categories: CategoryIndex
  onClose: () => void
}

/** A popup listing a cluster's categories, for clusters that no longer split (at maximum zoom). */
export function ClusterSummaryPopup({ position, count, counts, categories, onClose }: ClusterSummaryPopupProps) {
  return (
    <Popup position={position} className="map-popup" eventHandlers={{ remove: onClose }}>
      <ClusterSummary count={count} counts={counts} categories={categories} />
    </Popup>
  )
}

function ClusterSummary({ count, counts, categories }: Pick<ClusterSummaryPopupProps, 'count' | 'counts' | 'categories'>) {
  const { lang, t } = useI18n()
  const contentRef = useRef<HTMLDivElement>(null)
  usePopupFocus(contentRef, t.close)
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1])
  return (
    <div className="popup-body" tabIndex={-1} ref={contentRef} aria-labelledby="cluster-popup-title">
      <h2 className="popup-title" id="cluster-popup-title">
        {t.clusterSummary(count)}
      </h2>
      <ul className="popup-counts">
        {rows.map(([key, n]) => {
          const category = categories.get(key)
          return (
            <li key={key}>
              <span>{category ? categoryLabel(category, lang) : key}</span> <strong>{n}</strong>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
