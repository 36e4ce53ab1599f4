import type { ClusterFeature, PublicCategory } from '@trygg/domain'
import type { DivIcon } from 'leaflet'
import { categoryIconSvg } from '../categories/category-icons.ts'
import { FALLBACK_COLOR, readableTextColor } from './colors.ts'
import { labelledDivIcon } from './labelled-div-icon.ts'

export interface ClusterIconOptions {
  /** the feature's dominant category, if known */
  category: PublicCategory | undefined
  /** accessible name and tooltip, e.g. "12 markeringar" or "Fortkörning" */
  label: string
}

/** Diameter in pixels of a cluster marker for `count` pins. */
export function clusterDiameter(count: number): number {
  if (count < 10) return 36
  if (count < 100) return 42
  if (count < 1000) return 50
  return 58
}

function paint(element: HTMLElement, color: string): void {
  element.style.backgroundColor = color
  element.style.color = readableTextColor(color)
}

/**
 * The marker icon of one cluster feature. Clusters show their count as text
 * (`<div class="cluster" data-testid="cluster" data-count="12">12</div>`);
 * single pins (count 1 with an id) show the category glyph
 * (`<div class="pin" data-testid="pin" data-count="1" data-pin-id="7">…</div>`).
 */
export function clusterIcon(feature: ClusterFeature, { category, label }: ClusterIconOptions): DivIcon {
  const { count, id, sensitive } = feature.properties
  const color = category?.color ?? FALLBACK_COLOR
  const element = document.createElement('div')
  element.dataset.count = String(count)
  paint(element, color)

  if (count === 1 && id !== undefined) {
    element.className = 'pin'
    element.dataset.testid = 'pin'
    element.dataset.pinId = String(id)
    if (category) element.dataset.category = category.key
    element.innerHTML = categoryIconSvg(category?.group ?? 'other')
    return labelledDivIcon({ html: element, label, className: 'map-marker', iconSize: [32, 32], iconAnchor: [16, 16] })
  }

  const size = clusterDiameter(count)
  element.className = sensitive ? 'cluster cluster--sensitive' : 'cluster'
  element.dataset.testid = 'cluster'
  element.textContent = String(count)
  return labelledDivIcon({ html: element, label, className: 'map-marker', iconSize: [size, size], iconAnchor: [size / 2, size / 2] })
}
