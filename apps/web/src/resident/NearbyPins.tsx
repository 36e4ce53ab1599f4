import type { NearbyPin } from '@trygg/domain'
import { useEffect, useState } from 'react'
import { apiErrorMessage, isAbortError } from '../api/api-error.ts'
import type { CategoryIndex } from '../categories/category-index.ts'
import { useI18n } from '../i18n/language.tsx'
import { categoryLabel } from '../i18n/localized.ts'
import { useStatus } from '../status/status.tsx'
import { agreeWithPin, fetchNearby } from './agreements-api.ts'
import { useResidentMessages } from './use-resident-messages.ts'

export interface NearbyPinsProps {
  place: readonly [number, number]
  /** the category the resident chose; nothing is shown before one is chosen */
  category: string | null
  categories: CategoryIndex
  /** after a counted (or earlier) agreement, e.g. to refresh the map */
  onAgreed: () => void
}

type Agreement = { pinId: number; count: number; already: boolean }

/**
 * "Someone has already marked here – do you agree?": pins of the chosen category near the
 * chosen place, each with an agree button, so a resident can add their voice instead of a
 * duplicate.
 */
export function NearbyPins({ place, category, categories, onAgreed }: NearbyPinsProps) {
  const { lang, t } = useI18n()
  const r = useResidentMessages()
  const { announce } = useStatus()
  const [pins, setPins] = useState<NearbyPin[]>([])
  const [busy, setBusy] = useState<number | null>(null)
  const [agreement, setAgreement] = useState<Agreement | null>(null)

  useEffect(
    function loadNearby() {
      setPins([])
      if (!category) return
      const controller = new AbortController()
      fetchNearby(place, category, controller.signal)
        .then((res) => setPins(res.pins))
        .catch((error: unknown) => {
          // The hint is a help, not a step: without it the form works as before.
          if (!isAbortError(error)) setPins([])
        })
      return function cancelNearby() {
        controller.abort()
      }
    },
    [place, category],
  )

  if (pins.length === 0) return null

  async function agree(pin: NearbyPin) {
    if (busy !== null) return
    setBusy(pin.id)
    try {
      const res = await agreeWithPin(pin.id)
      setAgreement({ pinId: pin.id, count: res.agreementCount, already: res.alreadyAgreed })
      setPins((current) => current.map((p) => (p.id === pin.id ? { ...p, agreementCount: res.agreementCount } : p)))
      announce(res.alreadyAgreed ? r.alreadyAgreed : r.agreed, 'success')
      onAgreed()
    } catch (error) {
      announce(apiErrorMessage(error, lang, { network: t.networkError, other: t.unexpectedError }), 'error')
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="nearby" aria-labelledby="nearby-title" data-testid="nearby-pins">
      <h3 className="nearby__title" id="nearby-title">
        {r.nearbyHeading}
      </h3>
      <p className="step__help">{r.nearbyIntro}</p>
      <ul className="nearby__list">
        {pins.map((pin) => {
          const c = categories.get(pin.category)
          const done = agreement?.pinId === pin.id
          return (
            <li key={pin.id} className="nearby__item" data-testid={`nearby-pin-${pin.id}`}>
              <span>
                <strong>{c ? categoryLabel(c, lang) : pin.category}</strong>, {r.nearbyDistance(pin.distance)} ·{' '}
                <span data-testid="nearby-count">{r.agreementCount(pin.agreementCount)}</span>
              </span>
              {done ? (
                <span className="nearby__done" data-testid="agreed">
                  {agreement.already ? r.alreadyAgreed : r.agreed}
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => void agree(pin)}
                  aria-disabled={busy !== null || undefined}
                  data-testid="agree"
                >
                  {busy === pin.id ? r.agreeing : r.agree}
                </button>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
