import { useEffect, type RefObject } from 'react'

/** Focuses the element once when it mounts, e.g. a step's heading so it is read out. */
export function useFocusOnMount(ref: RefObject<HTMLElement | null>, enabled = true): void {
  useEffect(
    function focusOnMount() {
      if (enabled) ref.current?.focus({ preventScroll: false })
    },
    [ref, enabled],
  )
}
