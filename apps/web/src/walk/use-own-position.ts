import { useEffect, useState } from 'react'

export type OwnPosition =
  | { status: 'waiting' }
  | { status: 'known'; lat: number; lon: number; accuracy: number }
  | { status: 'denied' }
  | { status: 'unavailable' }

/** The phone's position while the page is open (navigator.geolocation.watchPosition). */
export function useOwnPosition(): OwnPosition {
  const [position, setPosition] = useState<OwnPosition>(() => ('geolocation' in navigator ? { status: 'waiting' } : { status: 'unavailable' }))
  useEffect(function watchOwnPosition() {
    if (!('geolocation' in navigator)) return
    const id = navigator.geolocation.watchPosition(
      (p) => setPosition({ status: 'known', lat: p.coords.latitude, lon: p.coords.longitude, accuracy: p.coords.accuracy }),
      (error) => setPosition((current) => (current.status === 'known' ? current : { status: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' })),
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 30_000 },
    )
    return function stopWatching() {
      navigator.geolocation.clearWatch(id)
    }
  }, [])
  return position
}
