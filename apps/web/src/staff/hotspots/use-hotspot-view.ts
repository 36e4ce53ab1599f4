import { useCallback, useEffect, useState } from 'react'
import { parseHotspotView, viewSearch, type HotspotView } from './hotspot-url.ts'

/**
 * The hotspot view kept in the page's query string: read at mount and on back/forward,
 * written with `history.replaceState` (filters are not steps worth a history entry).
 */
export function useHotspotView(): [HotspotView, (change: Partial<HotspotView>) => void] {
  const [view, setViewState] = useState(() => parseHotspotView(window.location.search))

  useEffect(function followHistory() {
    function readUrl() {
      setViewState(parseHotspotView(window.location.search))
    }
    window.addEventListener('popstate', readUrl)
    return function stopFollowingHistory() {
      window.removeEventListener('popstate', readUrl)
    }
  }, [])

  const setView = useCallback((change: Partial<HotspotView>) => {
    setViewState((current) => {
      const next = { ...current, ...change }
      const search = viewSearch(next, new URLSearchParams(window.location.search))
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`)
      return next
    })
  }, [])

  return [view, setView]
}
