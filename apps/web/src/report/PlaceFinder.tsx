import { useId, useRef, useState, type FormEvent } from 'react'
import { apiErrorMessage } from '../api/api-error.ts'
import { geocode, type GeocodeResult } from '../api/geocode.ts'
import { useI18n } from '../i18n/language.tsx'
import { useMediaMessages } from '../i18n/media-messages.ts'
import { useStatus } from '../status/status.tsx'

export interface PlaceFinderProps {
  municipalityName: string
  /** whether a point lies inside the municipality */
  isInside: (lat: number, lon: number) => boolean
  /** moves the map to a point, for the resident to check and confirm */
  onGoTo: (lat: number, lon: number) => void
}

type Search = { status: 'idle' } | { status: 'searching' } | { status: 'done'; results: GeocodeResult[]; attribution: string } | { status: 'error'; message: string }

/** Ways to bring the map to the place: the device's position, or an address search. */
export function PlaceFinder({ municipalityName, isInside, onGoTo }: PlaceFinderProps) {
  const { lang, t } = useI18n()
  const m = useMediaMessages()
  const { announce } = useStatus()
  const id = useId()
  const [query, setQuery] = useState('')
  const [search, setSearch] = useState<Search>({ status: 'idle' })
  const [locating, setLocating] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const abortRef = useRef<AbortController | null>(null)

  function locate() {
    setProblem(null)
    if (!('geolocation' in navigator)) {
      setProblem(m.locationUnsupported)
      return
    }
    setLocating(true)
    announce(m.locating)
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false)
        const { latitude, longitude } = position.coords
        if (!isInside(latitude, longitude)) {
          setProblem(m.locationOutside(municipalityName))
          return
        }
        onGoTo(latitude, longitude)
        announce(m.locatedHere, 'success')
      },
      (error) => {
        setLocating(false)
        setProblem(error.code === error.PERMISSION_DENIED ? m.locationDenied : m.locationFailed)
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    )
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const q = query.trim()
    if (q.length < 2) {
      setSearch({ status: 'error', message: m.searchTooShort })
      return
    }
    abortRef.current?.abort()
    const controller = new AbortController()
    abortRef.current = controller
    setSearch({ status: 'searching' })
    try {
      const answer = await geocode(q, lang, controller.signal)
      setSearch({ status: 'done', ...answer })
      announce(m.searchCount(answer.results.length))
    } catch (error) {
      if (controller.signal.aborted) return
      setSearch({ status: 'error', message: apiErrorMessage(error, lang, { network: t.networkError, other: t.unexpectedError }) })
    }
  }

  function choose(result: GeocodeResult) {
    onGoTo(result.lat, result.lon)
    announce(m.movedTo(result.label), 'success')
  }

  return (
    <div className="place-finder">
      <button type="button" className="button button--secondary place-finder__locate" onClick={locate} aria-disabled={locating || undefined} data-testid="use-my-position">
        <span aria-hidden="true">◎ </span>
        {locating ? m.locating : m.useMyPosition}
      </button>
      {problem && (
        <p className="form-error" role="alert" data-testid="location-problem">
          {problem}
        </p>
      )}
      <form role="search" className="place-finder__search" onSubmit={submit} aria-labelledby={`${id}-label`}>
        <label id={`${id}-label`} htmlFor={`${id}-q`} className="field__legend">
          {m.searchLabel}
        </label>
        <div className="place-finder__row">
          <input
            id={`${id}-q`}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            autoComplete="street-address"
            maxLength={200}
            aria-describedby={search.status === 'error' ? `${id}-error` : undefined}
            aria-invalid={search.status === 'error' ? true : undefined}
            data-testid="address-search"
          />
          <button type="submit" className="button button--small button--primary" aria-disabled={search.status === 'searching' || undefined} data-testid="address-search-submit">
            {search.status === 'searching' ? m.searching : m.searchButton}
          </button>
        </div>
        {search.status === 'error' && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {search.message}
          </p>
        )}
      </form>
      {search.status === 'done' && (
        <div className="place-finder__results">
          <h3 className="visually-hidden">{m.searchResultsHeading}</h3>
          <p className="field__hint" data-testid="search-count">
            {m.searchCount(search.results.length)}
          </p>
          {search.results.length > 0 && (
            <ul className="place-finder__list" data-testid="search-results">
              {search.results.map((r) => (
                <li key={`${r.lat},${r.lon},${r.label}`}>
                  <button type="button" className="place-finder__result" onClick={() => choose(r)}>
                    {r.label}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p className="place-finder__attribution">{search.attribution}</p>
        </div>
      )}
    </div>
  )
}
