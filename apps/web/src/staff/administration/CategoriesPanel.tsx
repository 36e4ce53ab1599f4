import type { AdminCategory, CategoryGroup } from '@trygg/domain'
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { FieldError } from '../../report/FieldError.tsx'
import { useStaffMessages } from '../use-staff-messages.ts'
import { useAdminMessages } from './admin-messages.ts'
import type { AdminActions } from './use-admin-actions.ts'

const GROUPS: readonly CategoryGroup[] = ['environment', 'physical', 'traffic', 'order', 'other']
const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/

interface Labels {
  labelSv: string
  labelEn: string
  group: CategoryGroup
  sensitive: boolean
}

/** Categories: the list in display order, a form for a new one, labels edited in place, hide and show. */
export function CategoriesPanel({ categories, actions }: { categories: AdminCategory[]; actions: AdminActions }) {
  const m = useStaffMessages()
  const { lang, t, groups } = useAdminMessages()
  const id = useId()
  const [editing, setEditing] = useState<number | null>(null)
  const label = (c: AdminCategory) => (lang === 'sv' ? c.labelSv : c.labelEn)

  function toggle(c: AdminCategory) {
    actions.run(`category-${c.id}`, c.active ? t.categoryHidden : t.categoryShown, (api) => api.changeCategory(c.id, { active: !c.active }))
  }

  return (
    <section className="staff-card admin-section" aria-labelledby={`${id}-heading`} id="kategorier">
      <h3 id={`${id}-heading`}>{t.categories}</h3>
      <p className="staff-page__intro">{t.categoriesIntro}</p>
      <div className="staff-table-wrap">
        <table className="staff-table" data-testid="categories-table">
          <caption className="visually-hidden">{t.categories}</caption>
          <thead>
            <tr>
              <th scope="col">{t.labelSv}</th>
              <th scope="col">{t.labelEn}</th>
              <th scope="col">{t.key}</th>
              <th scope="col">{t.group}</th>
              <th scope="col">{t.sensitive}</th>
              <th scope="col">{t.state}</th>
              <th scope="col">{m.actions}</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((c) =>
              editing === c.id ? (
                <tr key={c.id}>
                  <td colSpan={7}>
                    <CategoryForm
                      title={t.editCategory(label(c))}
                      initial={c}
                      busy={actions.busy === `category-${c.id}`}
                      onCancel={() => setEditing(null)}
                      onSubmit={(labels) => actions.run(`category-${c.id}`, t.saved, async (api) => {
                        await api.changeCategory(c.id, labels)
                        setEditing(null)
                      })}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={c.id} data-testid={`category-${c.key}`} className={c.active ? undefined : 'admin-row--hidden'}>
                  <th scope="row">{c.labelSv}</th>
                  <td lang="en">{c.labelEn}</td>
                  <td>
                    <code>{c.key}</code>
                  </td>
                  <td>{groups[c.group]}</td>
                  <td>{c.sensitive ? t.yes : t.no}</td>
                  <td>{c.active ? t.shown : t.hidden}</td>
                  <td className="admin-row-actions">
                    <button type="button" className="button button--secondary button--small" onClick={() => setEditing(c.id)} aria-label={t.editCategory(label(c))}>
                      {t.edit}
                    </button>
                    <button type="button" className="button button--secondary button--small" disabled={actions.busy === `category-${c.id}`} onClick={() => toggle(c)}>
                      {c.active ? t.hide : t.show}
                      <span className="visually-hidden"> {label(c)}</span>
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      <NewCategoryForm actions={actions} />
    </section>
  )
}

function NewCategoryForm({ actions }: { actions: AdminActions }) {
  const { t } = useAdminMessages()
  const [key, setKey] = useState('')
  const [keyError, setKeyError] = useState<string | undefined>()
  const [round, setRound] = useState(0)
  const id = useId()

  return (
    <CategoryForm
      key={round}
      title={t.newCategory}
      submitLabel={t.createCategory}
      busy={actions.busy === 'new-category'}
      testId="new-category-form"
      keyField={
        <div className="staff-field">
          <label htmlFor={`${id}-key`}>{t.key}</label>
          <input
            id={`${id}-key`}
            type="text"
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={(e) => setKey(e.target.value)}
            aria-invalid={keyError ? true : undefined}
            aria-describedby={`${id}-key-hint${keyError ? ` ${id}-key-error` : ''}`}
            data-testid="new-category-key"
          />
          <p id={`${id}-key-hint`} className="field__hint">
            {t.keyHint}
          </p>
          <FieldError id={`${id}-key-error`} message={keyError} />
        </div>
      }
      validate={() => {
        const error = KEY_PATTERN.test(key) ? undefined : t.keyInvalid
        setKeyError(error)
        if (error) document.getElementById(`${id}-key`)?.focus()
        return !error
      }}
      onSubmit={(labels) =>
        actions.run('new-category', t.categoryCreated, async (api) => {
          await api.createCategory({ key, ...labels })
          setKey('')
          setRound((r) => r + 1)
        })
      }
    />
  )
}

interface CategoryFormProps {
  title: string
  initial?: Labels
  submitLabel?: string
  busy: boolean
  testId?: string
  keyField?: ReactNode
  /** extra checks before the labels' own; false stops the submit */
  validate?: () => boolean
  onSubmit: (labels: Labels) => void
  onCancel?: () => void
}

/** The labels, group and sensitivity of a category, for a new one or an edit. */
function CategoryForm({ title, initial, submitLabel, busy, testId, keyField, validate, onSubmit, onCancel }: CategoryFormProps) {
  const { t, groups } = useAdminMessages()
  const id = useId()
  const [labels, setLabels] = useState<Labels>(initial ? { labelSv: initial.labelSv, labelEn: initial.labelEn, group: initial.group, sensitive: initial.sensitive } : { labelSv: '', labelEn: '', group: 'other', sensitive: false })
  const [errors, setErrors] = useState<{ labelSv?: string; labelEn?: string }>({})
  const set = (change: Partial<Labels>) => setLabels((l) => ({ ...l, ...change }))

  function submit(event: FormEvent) {
    event.preventDefault()
    if (validate && !validate()) return
    const next = { labelSv: labels.labelSv.trim() ? undefined : t.labelRequired, labelEn: labels.labelEn.trim() ? undefined : t.labelRequired }
    setErrors(next)
    if (next.labelSv || next.labelEn) {
      document.getElementById(`${id}-${next.labelSv ? 'labelSv' : 'labelEn'}`)?.focus()
      return
    }
    onSubmit({ ...labels, labelSv: labels.labelSv.trim(), labelEn: labels.labelEn.trim() })
  }

  const text = (key: 'labelSv' | 'labelEn') => (
    <div className="staff-field">
      <label htmlFor={`${id}-${key}`}>{t[key]}</label>
      <input
        id={`${id}-${key}`}
        type="text"
        maxLength={100}
        autoComplete="off"
        lang={key === 'labelEn' ? 'en' : 'sv'}
        value={labels[key]}
        onChange={(e) => set({ [key]: e.target.value })}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={errors[key] ? `${id}-${key}-error` : undefined}
        data-testid={`category-${key}`}
      />
      <FieldError id={`${id}-${key}-error`} message={errors[key]} />
    </div>
  )

  return (
    <form className={initial ? 'admin-inline-form' : 'admin-form'} onSubmit={submit} noValidate aria-labelledby={`${id}-heading`} data-testid={testId}>
      <h4 id={`${id}-heading`} className={initial ? 'visually-hidden' : undefined}>
        {title}
      </h4>
      <div className="new-account__fields">
        {keyField}
        {text('labelSv')}
        {text('labelEn')}
        <div className="staff-field">
          <label htmlFor={`${id}-group`}>{t.group}</label>
          <select id={`${id}-group`} value={labels.group} onChange={(e) => set({ group: e.target.value as CategoryGroup })} data-testid="category-group">
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {groups[g]}
              </option>
            ))}
          </select>
        </div>
        <div className="staff-field staff-checkbox">
          <input id={`${id}-sensitive`} type="checkbox" checked={labels.sensitive} onChange={(e) => set({ sensitive: e.target.checked })} aria-describedby={`${id}-sensitive-hint`} />
          <label htmlFor={`${id}-sensitive`}>{t.sensitive}</label>
          <p id={`${id}-sensitive-hint`} className="field__hint">
            {t.sensitiveHint}
          </p>
        </div>
      </div>
      <div className="staff-actions">
        <button type="submit" className="button button--primary button--small" disabled={busy} data-testid={testId ? `${testId}-submit` : undefined}>
          {submitLabel ?? t.save}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary button--small" onClick={onCancel}>
            {t.cancel}
          </button>
        )}
      </div>
    </form>
  )
}
