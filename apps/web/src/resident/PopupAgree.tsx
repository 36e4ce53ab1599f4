import { useState } from 'react'
import { apiErrorMessage } from '../api/api-error.ts'
import { useI18n } from '../i18n/language.tsx'
import { useStatus } from '../status/status.tsx'
import { agreeWithPin } from './agreements-api.ts'
import { useResidentMessages } from './use-resident-messages.ts'

/** The agreement count of a pin on the map, with "I agree" for residents passing by. */
export function PopupAgree({ pinId, count }: { pinId: number; count: number }) {
  const { lang, t } = useI18n()
  const r = useResidentMessages()
  const { announce } = useStatus()
  const [shown, setShown] = useState(count)
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'already'>('idle')

  async function agree() {
    if (state === 'busy') return
    setState('busy')
    try {
      const res = await agreeWithPin(pinId)
      setShown(res.agreementCount)
      setState(res.alreadyAgreed ? 'already' : 'done')
      announce(res.alreadyAgreed ? r.alreadyAgreed : r.agreed, 'success')
    } catch (error) {
      setState('idle')
      announce(apiErrorMessage(error, lang, { network: t.networkError, other: t.unexpectedError }), 'error')
    }
  }

  return (
    <>
      <dt>{r.agreementsHeading}</dt>
      <dd data-testid="popup-agreements">
        <span data-testid="popup-agreement-count">{r.agreementCount(shown)}</span>{' '}
        {state === 'done' || state === 'already' ? (
          <span>{state === 'already' ? r.alreadyAgreed : r.agreed}</span>
        ) : (
          <button type="button" className="button button--small button--secondary" onClick={() => void agree()} aria-disabled={state === 'busy' || undefined} data-testid="popup-agree">
            {state === 'busy' ? r.agreeing : r.agree}
          </button>
        )}
      </dd>
    </>
  )
}
