import { useEffect, type RefObject } from 'react'
import { useMap } from 'react-leaflet'

/**
 * Makes a popup usable from the keyboard: moves focus into its content when it opens
 * (so it is read out), closes it on Escape, and names Leaflet's close button in the UI language.
 */
export function usePopupFocus(contentRef: RefObject<HTMLElement | null>, closeLabel: string): void {
  const map = useMap()

  useEffect(
    function focusPopupContent() {
      contentRef.current?.focus({ preventScroll: true })
    },
    [contentRef],
  )

  useEffect(
    function closeOnEscape() {
      const popup = contentRef.current?.closest<HTMLElement>('.leaflet-popup')
      if (!popup) return
      function onKeyDown(event: KeyboardEvent) {
        if (event.key === 'Escape') map.closePopup()
      }
      popup.addEventListener('keydown', onKeyDown)
      return function stopClosingOnEscape() {
        popup.removeEventListener('keydown', onKeyDown)
      }
    },
    [contentRef, map],
  )

  useEffect(
    function labelCloseButton() {
      const button = contentRef.current?.closest('.leaflet-popup')?.querySelector('.leaflet-popup-close-button')
      button?.setAttribute('aria-label', closeLabel)
      button?.setAttribute('title', closeLabel)
    },
    [contentRef, closeLabel],
  )
}
