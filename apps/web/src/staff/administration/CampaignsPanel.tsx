import type { StaffCampaign } from '@trygg/domain'
import { useId, useState, type FormEvent } from 'react'
import { FieldError } from '../../report/FieldError.tsx'
import { useStaffMessages } from '../use-staff-messages.ts'
import { useAdminMessages } from './admin-messages.ts'
import { campaignState, dayEnd, dayOf, dayStart } from './campaign-dates.ts'
import type { AdminActions } from './use-admin-actions.ts'

type Kind = 'digital' | 'continuous'

/** Campaigns: the list with state, a form for a new one, name and last day edited in place, "end now". */
export function CampaignsPanel({ campaigns, actions }: { campaigns: StaffCampaign[]; actions: AdminActions }) {
  const m = useStaffMessages()
  const { lang, t } = useAdminMessages()
  const id = useId()
  const [editing, setEditing] = useState<number | null>(null)
  const day = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium' })
  const now = Date.now()

  function endNow(c: StaffCampaign) {
    if (!window.confirm(t.endNowConfirm(c.name))) return
    actions.run(`campaign-${c.id}`, t.campaignEnded, async (api) => api.changeCampaign(c.id, { endsAt: new Date().toISOString() }))
  }

  return (
    <section className="staff-card admin-section" aria-labelledby={`${id}-heading`} id="kampanjer">
      <h3 id={`${id}-heading`}>{t.campaigns}</h3>
      <p className="staff-page__intro">{t.campaignsIntro}</p>
      {campaigns.length === 0 ? (
        <p>{t.noCampaigns}</p>
      ) : (
        <div className="staff-table-wrap">
          <table className="staff-table" data-testid="campaigns-table">
            <caption className="visually-hidden">{t.campaigns}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.starts}</th>
                <th scope="col">{t.ends}</th>
                <th scope="col">{t.pins}</th>
                <th scope="col">{t.state}</th>
                <th scope="col">{m.actions}</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) =>
                editing === c.id ? (
                  <tr key={c.id}>
                    <td colSpan={7}>
                      <CampaignEditForm campaign={c} actions={actions} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                ) : (
                  <tr key={c.id} data-testid={`campaign-${c.id}`}>
                    <th scope="row">{c.name}</th>
                    <td>{t.kinds[c.kind]}</td>
                    <td>{day.format(new Date(c.startsAt))}</td>
                    <td>{c.endsAt === null ? t.openEnded : day.format(new Date(Date.parse(c.endsAt) - 1))}</td>
                    <td>{c.pinCount}</td>
                    <td>{t[campaignState(c, now)]}</td>
                    <td className="admin-row-actions">
                      {c.kind !== 'walk' && (
                        <>
                          <button type="button" className="button button--secondary button--small" onClick={() => setEditing(c.id)} aria-label={t.editCampaign(c.name)}>
                            {t.edit}
                          </button>
                          {campaignState(c, now) === 'active' && (
                            <button type="button" className="button button--secondary button--small" disabled={actions.busy === `campaign-${c.id}`} onClick={() => endNow(c)}>
                              {t.endNow}
                              <span className="visually-hidden"> {c.name}</span>
                            </button>
                          )}
                        </>
                      )}
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      <NewCampaignForm actions={actions} />
    </section>
  )
}

/** Name and last day of one campaign, edited in its table row. */
function CampaignEditForm({ campaign, actions, onDone }: { campaign: StaffCampaign; actions: AdminActions; onDone: () => void }) {
  const { t } = useAdminMessages()
  const id = useId()
  const [name, setName] = useState(campaign.name)
  const [end, setEnd] = useState(campaign.endsAt === null ? '' : dayOf(campaign.endsAt, 'end'))
  const [errors, setErrors] = useState<{ name?: string; end?: string }>({})

  function submit(event: FormEvent) {
    event.preventDefault()
    const next: typeof errors = {}
    if (!name.trim()) next.name = t.nameRequired
    if (!end && campaign.kind !== 'continuous') next.end = t.endRequired
    else if (end && end < dayOf(campaign.startsAt)) next.end = t.endBeforeStart
    setErrors(next)
    if (next.name || next.end) return
    actions.run(`campaign-${campaign.id}`, t.saved, async (api) => {
      await api.changeCampaign(campaign.id, { name: name.trim(), endsAt: end ? dayEnd(end) : null })
      onDone()
    })
  }

  return (
    <form className="admin-inline-form" onSubmit={submit} noValidate aria-label={t.editCampaign(campaign.name)} data-testid="campaign-edit-form">
      <div className="staff-field">
        <label htmlFor={`${id}-name`}>{t.name}</label>
        <input id={`${id}-name`} type="text" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? `${id}-name-error` : undefined} autoFocus />
        <FieldError id={`${id}-name-error`} message={errors.name} />
      </div>
      <div className="staff-field">
        <label htmlFor={`${id}-end`}>{t.ends}</label>
        <input id={`${id}-end`} type="date" value={end} onChange={(e) => setEnd(e.target.value)} aria-invalid={errors.end ? true : undefined} aria-describedby={errors.end ? `${id}-end-error` : undefined} />
        <FieldError id={`${id}-end-error`} message={errors.end} />
      </div>
      <div className="staff-actions">
        <button type="submit" className="button button--primary button--small" disabled={actions.busy === `campaign-${campaign.id}`}>
          {t.save}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  )
}

function NewCampaignForm({ actions }: { actions: AdminActions }) {
  const { t } = useAdminMessages()
  const id = useId()
  const [kind, setKind] = useState<Kind>('digital')
  const [name, setName] = useState('')
  const [start, setStart] = useState(() => dayOf(new Date().toISOString()))
  const [end, setEnd] = useState('')
  const [errors, setErrors] = useState<{ name?: string; start?: string; end?: string }>({})

  function submit(event: FormEvent) {
    event.preventDefault()
    const next: typeof errors = {}
    if (!name.trim()) next.name = t.nameRequired
    if (!start) next.start = t.startRequired
    if (!end && kind !== 'continuous') next.end = t.endRequired
    else if (end && start && end < start) next.end = t.endBeforeStart
    setErrors(next)
    if (next.name || next.start || next.end) {
      document.getElementById(`${id}-${next.name ? 'name' : next.start ? 'start' : 'end'}`)?.focus()
      return
    }
    actions.run('new-campaign', t.campaignCreated, async (api) => {
      await api.createCampaign({ kind, name: name.trim(), startsAt: dayStart(start), endsAt: end ? dayEnd(end) : null })
      setName('')
      setEnd('')
    })
  }

  const field = (key: 'name' | 'start' | 'end') => ({
    id: `${id}-${key}`,
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `${id}-${key}-error` : undefined,
  })

  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`} data-testid="new-campaign-form">
      <h4 id={`${id}-heading`}>{t.newCampaign}</h4>
      <div className="new-account__fields">
        <div className="staff-field">
          <label htmlFor={`${id}-kind`}>{t.kind}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="new-campaign-kind">
            <option value="digital">{t.kinds.digital}</option>
            <option value="continuous">{t.kinds.continuous}</option>
          </select>
        </div>
        <div className="staff-field">
          <label htmlFor={`${id}-name`}>{t.name}</label>
          <input {...field('name')} type="text" maxLength={200} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} data-testid="new-campaign-name" />
          <FieldError id={`${id}-name-error`} message={errors.name} />
        </div>
        <div className="staff-field">
          <label htmlFor={`${id}-start`}>{t.starts}</label>
          <input {...field('start')} type="date" value={start} onChange={(e) => setStart(e.target.value)} data-testid="new-campaign-start" />
          <FieldError id={`${id}-start-error`} message={errors.start} />
        </div>
        <div className="staff-field">
          <label htmlFor={`${id}-end`}>{t.ends}</label>
          <input {...field('end')} type="date" value={end} onChange={(e) => setEnd(e.target.value)} data-testid="new-campaign-end" />
          <FieldError id={`${id}-end-error`} message={errors.end} />
        </div>
      </div>
      <button type="submit" className="button button--primary button--small" disabled={actions.busy === 'new-campaign'} data-testid="new-campaign-submit">
        {t.createCampaign}
      </button>
    </form>
  )
}
