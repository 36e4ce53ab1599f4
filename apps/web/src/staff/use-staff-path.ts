import { useCallback, useEffect, useState } from 'react'

/**
 * The current path and a `navigate` that changes it without a page load (history.pushState,
 * or replaceState with `replace`). Follows the browser's back and forward buttons.
 */
export function useStaffPath(): { path: string; search: string; navigate: (to: string, options?: { replace?: boolean }) => void } {
  const [location, setLocation] = useState(() => ({ path: window.location.pathname, search: window.location.search }))

  useEffect(function followHistory() {
    const onPopState = () => setLocation({ path: window.location.pathname, search: window.location.search })
    window.addEventListener('popstate', onPopState)
    return function stopFollowingHistory() {
      window.removeEventListener('popstate', onPopState)
    }
  }, [])

  const navigate = useCallback((to: string, options: { replace?: boolean } = {}) => {
    if (options.replace) window.history.replaceState(null, '', to)
    else window.history.pushState(null, '', to)
    const url = new URL(to, window.location.origin)
    setLocation({ path: url.pathname, search: url.search })
  }, [])

  return { ...location, navigate }
}
