import { useI18n } from '../i18n/language.tsx'
import { WALK_MESSAGES } from '../i18n/walk-messages.ts'
import type { WalkQueue } from './use-walk-queue.ts'

/** How many observations wait on the phone (announced politely), and those the server refused. */
export function QueueStatus({ queue }: { queue: WalkQueue }) {
  const { lang } = useI18n()
  const w = WALK_MESSAGES[lang]
  const waiting = queue.items.filter((i) => !i.refused)
  const refused = queue.items.filter((i) => i.refused)
  return (
    <section className="walk-queue">
      <p className={`walk-queue__count${waiting.length > 0 ? ' walk-queue__count--waiting' : ''}`} role="status" aria-live="polite" data-testid="walk-waiting" data-count={waiting.length}>
        {w.waiting(waiting.length)}
        {!queue.online && <span className="walk-queue__offline"> {w.offline}</span>}
      </p>
      {waiting.length > 0 && queue.online && (
        <button type="button" className="button button--small button--secondary" onClick={() => void queue.sync()} data-testid="walk-send-now">
          {w.sendNow}
        </button>
      )}
      {refused.length > 0 && (
        <div className="walk-queue__refused" role="alert">
          <h2 className="walk-queue__heading">{w.refusedHeading}</h2>
          <ul>
            {refused.map((item) => (
              <li key={item.clientId}>
                {new Date(item.queuedAt).toLocaleTimeString(lang === 'sv' ? 'sv-SE' : 'en-GB', { timeStyle: 'short' })}: {item.refused}{' '}
                <button type="button" className="button button--small button--secondary" onClick={() => void queue.discard(item.clientId)}>
                  {w.discard}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
