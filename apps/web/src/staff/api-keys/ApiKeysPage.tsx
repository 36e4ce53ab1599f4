import type { ApiKeyCreated, ApiKeyInfo } from '@trygg/domain'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { isAbortError } from '../../api/api-error.ts'
import { FieldError } from '../../report/FieldError.tsx'
import { useFocusOnMount } from '../../report/use-focus-on-mount.ts'
import { useStatus } from '../../status/status.tsx'
import { createApiKey, fetchApiKeys, revokeApiKey } from '../staff-api.ts'
import { useSignedIn, useStaffSession } from '../staff-session.tsx'
import { useStaffMessages } from '../use-staff-messages.ts'
import { useApiKeyMessages } from './api-key-messages.ts'

type KeysState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; keys: ApiKeyInfo[] }

/** `/personal/api-nycklar`: the municipality's Open311 API keys (admins only). */
export function ApiKeysPage() {
  const m = useStaffMessages()
  const { lang, k } = useApiKeyMessages()
  const session = useSignedIn()
  const { errorMessage } = useStaffSession()
  const { announce } = useStatus()
  const id = useId()
  const [state, setState] = useState<KeysState>({ status: 'loading' })
  const [name, setName] = useState('')
  const [nameError, setNameError] = useState<string | undefined>()
  const [shown, setShown] = useState<ApiKeyCreated | null>(null)
  const [busy, setBusy] = useState<number | 'new' | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const nameRef = useRef<HTMLInputElement>(null)
  useFocusOnMount(headingRef)
  const when = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })

  useEffect(function loadKeys() {
    const controller = new AbortController()
    fetchApiKeys(controller.signal)
      .then((keys) => setState({ status: 'ready', keys }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setState({ status: 'error', error })
      })
    return function cancelKeysLoad() {
      controller.abort()
    }
  }, [])

  useEffect(
    function reportLoadFailure() {
      if (state.status === 'error') setFailure(errorMessage(state.error))
    },
    [state, errorMessage],
  )

  const put = (key: ApiKeyInfo) =>
    setState((s) => (s.status === 'ready' ? { status: 'ready', keys: [key, ...s.keys.filter((x) => x.id !== key.id)].sort((a, b) => b.id - a.id) } : s))

  async function act(which: number | 'new', run: () => Promise<void>) {
    setBusy(which)
    setFailure(null)
    try {
      await run()
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setBusy(null)
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!name.trim()) {
      setNameError(k.nameRequired)
      nameRef.current?.focus()
      return
    }
    setNameError(undefined)
    void act('new', async () => {
      const created = await createApiKey(session.csrfToken, name.trim())
      put(created.apiKey)
      setName('')
      setShown(created)
      announce(k.created, 'success')
    })
  }

  function revoke(key: ApiKeyInfo) {
    if (!window.confirm(k.revokeConfirm(key.name))) return
    void act(key.id, async () => {
      put(await revokeApiKey(session.csrfToken, key.id))
      announce(k.revoked, 'success')
    })
  }

  return (
    <section className="staff-page" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {k.heading}
      </h2>
      <p className="staff-page__intro">{k.intro}</p>
      {shown && <OneTimeKey created={shown} onDone={() => setShown(null)} />}
      <form className="staff-card new-account" onSubmit={submit} noValidate aria-labelledby={`${id}-new`} data-testid="new-api-key-form">
        <h3 id={`${id}-new`}>{k.newKey}</h3>
        <div className="new-account__fields">
          <div className="staff-field">
            <label htmlFor={`${id}-name`}>{k.name}</label>
            <input
              id={`${id}-name`}
              ref={nameRef}
              type="text"
              maxLength={200}
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${id}-name-error` : undefined}
              data-testid="new-api-key-name"
            />
            <FieldError id={`${id}-name-error`} message={nameError} />
          </div>
        </div>
        <button type="submit" className="button button--primary button--small" disabled={busy === 'new'} data-testid="new-api-key-submit">
          {k.create}
        </button>
      </form>
      <div className="form-error-slot" role="alert">
        {failure && <p className="form-error">{failure}</p>}
      </div>
      {state.status === 'loading' && <p role="status">{m.loading}</p>}
      {state.status === 'ready' && state.keys.length === 0 && <p>{k.none}</p>}
      {state.status === 'ready' && state.keys.length > 0 && (
        <div className="staff-table-wrap">
          <table className="staff-table" data-testid="api-keys-table">
            <caption className="visually-hidden">{k.heading}</caption>
            <thead>
              <tr>
                <th scope="col">{k.name}</th>
                <th scope="col">{k.prefix}</th>
                <th scope="col">{k.createdAt}</th>
                <th scope="col">{k.lastUsed}</th>
                <th scope="col">{k.uses}</th>
                <th scope="col">{k.state}</th>
                <th scope="col">{m.actions}</th>
              </tr>
            </thead>
            <tbody>
              {state.keys.map((key) => (
                <tr key={key.id}>
                  <th scope="row">{key.name}</th>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>{when.format(new Date(key.createdAt))}</td>
                  <td>{key.lastUsedAt ? when.format(new Date(key.lastUsedAt)) : k.never}</td>
                  <td>{key.useCount}</td>
                  <td>{key.revokedAt ? k.revokedAt(when.format(new Date(key.revokedAt))) : k.active}</td>
                  <td>
                    {!key.revokedAt && (
                      <button type="button" className="button button--secondary button--small" disabled={busy === key.id} onClick={() => revoke(key)}>
                        {k.revoke}
                        <span className="visually-hidden"> {key.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/** The new key, shown once until the admin says it is saved. */
function OneTimeKey({ created, onDone }: { created: ApiKeyCreated; onDone: () => void }) {
  const { k } = useApiKeyMessages()
  const ref = useRef<HTMLDivElement>(null)
  useFocusOnMount(ref)
  return (
    <div className="one-time-password" ref={ref} tabIndex={-1} role="region" aria-label={k.keyFor(created.apiKey.name)} data-testid="one-time-api-key">
      <p className="one-time-password__label">{k.keyFor(created.apiKey.name)}</p>
      <p>
        <code className="one-time-password__value" data-testid="generated-api-key">
          {created.key}
        </code>
      </p>
      <p className="field__hint">{k.keyOnce}</p>
      <button type="button" className="button button--secondary button--small" onClick={onDone}>
        {k.hideKey}
      </button>
    </div>
  )
}
