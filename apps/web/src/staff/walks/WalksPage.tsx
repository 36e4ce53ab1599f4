import type { StaffWalk } from '@trygg/domain'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { isAbortError } from '../../api/api-error.ts'
import { useConfig } from '../../app/use-config.ts'
import { useI18n } from '../../i18n/language.tsx'
import { WALK_MESSAGES } from '../../i18n/walk-messages.ts'
import { FieldError } from '../../report/FieldError.tsx'
import { useFocusOnMount } from '../../report/use-focus-on-mount.ts'
import { useStatus } from '../../status/status.tsx'
import { useSignedIn, useStaffSession } from '../staff-session.tsx'
import { useStaffMessages } from '../use-staff-messages.ts'
import { WalkDrawMap } from './WalkDrawMap.tsx'
import { WalkProtocolPage } from './WalkProtocolPage.tsx'
import { createWalk, fetchWalks, walkLink } from './walks-api.ts'
import './walks.css'

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; walks: StaffWalk[] }

/** The protocol asked for in the address, `?protokoll=<id>`. */
const protocolId = () => Number(new URLSearchParams(window.location.search).get('protokoll')) || null

/** "Vandringar": the municipality's physical walks, a form to plan one, and each walk's protocol. */
export function WalksPage() {
  const id = protocolId()
  return id ? <WalkProtocolPage id={id} /> : <WalkList />
}

/** `datetime-local` value as an ISO instant in the browser's time zone. */
const toInstant = (local: string) => new Date(local).toISOString()

function WalkList() {
  const { lang } = useI18n()
  const w = WALK_MESSAGES[lang]
  const m = useStaffMessages()
  const session = useSignedIn()
  const { errorMessage } = useStaffSession()
  const { announce } = useStatus()
  const config = useConfig()
  const formId = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [state, setState] = useState<State>({ status: 'loading' })
  const [name, setName] = useState('')
  const [startsAt, setStartsAt] = useState('')
  const [endsAt, setEndsAt] = useState('')
  const [points, setPoints] = useState<[number, number][]>([])
  const [problem, setProblem] = useState<{ field: 'name' | 'startsAt' | 'endsAt' | 'route' | 'form'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  useFocusOnMount(headingRef)

  useEffect(function loadWalks() {
    const controller = new AbortController()
    fetchWalks(controller.signal)
      .then((walks) => setState({ status: 'ready', walks }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setState({ status: 'error', error })
      })
    return function cancelWalksLoad() {
      controller.abort()
    }
  }, [])

  async function submit(event: FormEvent) {
    event.preventDefault()
    const missing = !name.trim() ? 'name' : !startsAt ? 'startsAt' : !endsAt ? 'endsAt' : points.length < 3 ? 'route' : null
    if (missing) {
      setProblem({ field: missing, text: missing === 'route' ? w.needsRoute : w.required })
      document.getElementById(`${formId}-${missing}`)?.focus()
      return
    }
    setBusy(true)
    setProblem(null)
    try {
      const walk = await createWalk(session.csrfToken, {
        name: name.trim(),
        startsAt: toInstant(startsAt),
        endsAt: toInstant(endsAt),
        meetingPoint: { type: 'Point', coordinates: [...points[0]!] },
        route: { type: 'LineString', coordinates: points.slice(1).map((p) => [...p]) },
      })
      setState((s) => (s.status === 'ready' ? { status: 'ready', walks: [walk, ...s.walks] } : s))
      setName('')
      setPoints([])
      announce(w.created(walk.name), 'success')
    } catch (error) {
      setProblem({ field: 'form', text: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }

  const timeZone = config.status === 'ready' ? config.config.municipality.timeZone : undefined
  const when = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone })
  const errorFor = (field: string) => (problem?.field === field ? problem.text : undefined)
  return (
    <section className="staff-page walks-page" aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`} ref={headingRef} tabIndex={-1}>
        {w.walksTitle}
      </h2>
      <p className="staff-page__intro">{w.walksIntro}</p>

      <form className="staff-card" onSubmit={submit} noValidate aria-labelledby={`${formId}-new`} data-testid="new-walk-form">
        <h3 id={`${formId}-new`}>{w.newWalk}</h3>
        <div className="walks-page__fields">
          <div className="staff-field">
            <label htmlFor={`${formId}-name`}>{w.name}</label>
            <FieldError id={`${formId}-name-error`} message={errorFor('name')} />
            <input id={`${formId}-name`} type="text" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={errorFor('name') ? true : undefined} data-testid="walk-name" />
          </div>
          <div className="staff-field">
            <label htmlFor={`${formId}-startsAt`}>{w.startsAt}</label>
            <FieldError id={`${formId}-startsAt-error`} message={errorFor('startsAt')} />
            <input id={`${formId}-startsAt`} type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} aria-invalid={errorFor('startsAt') ? true : undefined} data-testid="walk-starts-at" />
          </div>
          <div className="staff-field">
            <label htmlFor={`${formId}-endsAt`}>{w.endsAt}</label>
            <FieldError id={`${formId}-endsAt-error`} message={errorFor('endsAt')} />
            <input id={`${formId}-endsAt`} type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} aria-invalid={errorFor('endsAt') ? true : undefined} data-testid="walk-ends-at" />
          </div>
        </div>
        <p id={`${formId}-route`} tabIndex={-1} className="staff-page__intro">
          {w.drawHint}
        </p>
        {config.status === 'ready' && <WalkDrawMap config={config.config} points={points} onAdd={(p) => setPoints((ps) => [...ps, p])} label={w.drawHint} />}
        <p role="status" data-testid="walk-drawn">
          {w.drawnPoints(points.length)}
        </p>
        <FieldError id={`${formId}-route-error`} message={errorFor('route')} />
        <div className="walks-page__actions">
          <button type="button" className="button button--small button--secondary" onClick={() => setPoints((ps) => ps.slice(0, -1))} disabled={points.length === 0}>
            {w.undoPoint}
          </button>
          <button type="button" className="button button--small button--secondary" onClick={() => setPoints([])} disabled={points.length === 0}>
            {w.clearDrawing}
          </button>
        </div>
        {problem?.field === 'form' && (
          <p className="form-error" role="alert">
            {problem.text}
          </p>
        )}
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined} data-testid="create-walk">
          {w.create}
        </button>
      </form>

      {state.status === 'loading' && <p role="status">{m.loading}</p>}
      {state.status === 'error' && <p role="alert">{errorMessage(state.error)}</p>}
      {state.status === 'ready' &&
        (state.walks.length === 0 ? (
          <p>{w.noWalks}</p>
        ) : (
          <div className="staff-table-wrap">
            <table className="staff-table" data-testid="walks-table">
              <thead>
                <tr>
                  <th scope="col">{w.name}</th>
                  <th scope="col">{w.startsAt}</th>
                  <th scope="col">{w.link}</th>
                  <th scope="col">{w.observations}</th>
                  <th scope="col">{w.protocol}</th>
                </tr>
              </thead>
              <tbody>
                {state.walks.map((walk) => (
                  <tr key={walk.id} data-testid={`walk-${walk.id}`}>
                    <th scope="row">{walk.name}</th>
                    <td>{when.format(new Date(walk.startsAt))}</td>
                    <td>
                      <a href={walk.path}>{walkLink(walk.path)}</a>
                      <br />
                      {w.code}: <code>{walk.code}</code>
                    </td>
                    <td>{walk.observationCount}</td>
                    <td>
                      <a href={`?protokoll=${walk.id}`} data-testid={`protocol-link-${walk.id}`}>
                        {w.protocol}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  )
}
