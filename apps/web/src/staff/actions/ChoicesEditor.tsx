import type { ActionChoice, ActionChoiceInput, ActionOptions, ActionOptionsChange } from '@trygg/domain'
import { useId, useState, type FormEvent } from 'react'
import { useActionPlanMessages } from '../../i18n/action-plan-messages.ts'

type Field = 'focusAreas' | 'organisations'

/** Admins edit the focus areas and organisation kinds: labels, order as listed, active, new keys. */
export function ChoicesEditor({ options, busy, onSave }: { options: ActionOptions; busy: boolean; onSave: (change: ActionOptionsChange) => void }) {
  const a = useActionPlanMessages()
  const [lists, setLists] = useState<Record<Field, ActionChoiceInput[]>>({
    focusAreas: options.focusAreas.map(toInput),
    organisations: options.organisations.map(toInput),
  })
  const id = useId()

  const update = (field: Field, i: number, patch: Partial<ActionChoiceInput>) =>
    setLists((l) => ({ ...l, [field]: l[field].map((c, j) => (j === i ? { ...c, ...patch } : c)) }))
  const add = (field: Field) => setLists((l) => ({ ...l, [field]: [...l[field], { key: '', labelSv: '', labelEn: '', active: true }] }))

  function submit(e: FormEvent) {
    e.preventDefault()
    onSave(lists)
  }

  return (
    <details className="action-choices no-print">
      <summary>{a.choices.heading}</summary>
      <form onSubmit={submit}>
        {(['focusAreas', 'organisations'] as const).map((field) => (
          <fieldset key={field}>
            <legend>{a.choices[field]}</legend>
            <table className="action-table">
              <thead>
                <tr>
                  <th scope="col">{a.choices.key}</th>
                  <th scope="col">{a.choices.labelSv}</th>
                  <th scope="col">{a.choices.labelEn}</th>
                  <th scope="col">{a.choices.active}</th>
                </tr>
              </thead>
              <tbody>
                {lists[field].map((c, i) => (
                  <tr key={`${field}-${i}`}>
                    <td>
                      <input aria-label={a.choices.key} value={c.key} pattern="[a-z][a-z0-9_]{0,39}" required readOnly={i < options[field].length} onChange={(e) => update(field, i, { key: e.target.value })} />
                    </td>
                    <td>
                      <input aria-label={a.choices.labelSv} value={c.labelSv} required onChange={(e) => update(field, i, { labelSv: e.target.value })} />
                    </td>
                    <td>
                      <input aria-label={a.choices.labelEn} value={c.labelEn} required onChange={(e) => update(field, i, { labelEn: e.target.value })} />
                    </td>
                    <td>
                      <input type="checkbox" aria-label={`${a.choices.active}: ${c.labelSv || c.key}`} checked={c.active} onChange={(e) => update(field, i, { active: e.target.checked })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" className="button button--secondary" id={`${id}-${field}-add`} onClick={() => add(field)}>
              {a.choices.add}
            </button>
          </fieldset>
        ))}
        <p className="form-hint">{a.choices.hint}</p>
        <button type="submit" className="button button--primary" disabled={busy}>
          {a.form.save}
        </button>
      </form>
    </details>
  )
}

function toInput(c: ActionChoice): ActionChoiceInput {
  return { key: c.key, labelSv: c.labelSv, labelEn: c.labelEn, active: c.active }
}
