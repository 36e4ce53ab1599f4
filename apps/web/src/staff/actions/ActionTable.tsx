import type { ActionChoice, ActionItem } from '@trygg/domain'
import { localized } from './choice-label.ts'
import { useActionPlanMessages } from '../../i18n/action-plan-messages.ts'
import { useI18n } from '../../i18n/language.tsx'

export interface ActionTableProps {
  items: readonly ActionItem[]
  focusAreas: readonly ActionChoice[]
  organisations: readonly ActionChoice[]
  /** Opens an item in the form; without it there is no edit button. */
  onEdit?: (item: ActionItem) => void
}

/** The action plan as a table, one row per item; prints as the plan document. */
export function ActionTable({ items, focusAreas, organisations, onEdit }: ActionTableProps) {
  const a = useActionPlanMessages()
  const { lang } = useI18n()
  return (
    <table className="action-table" data-testid="action-table">
      <thead>
        <tr>
          <th scope="col">{a.columns.title}</th>
          <th scope="col">{a.columns.focusArea}</th>
          <th scope="col">{a.columns.organisation}</th>
          <th scope="col">{a.columns.period}</th>
          <th scope="col">{a.columns.status}</th>
          <th scope="col">{a.columns.pins}</th>
          <th scope="col">{a.columns.public}</th>
          {onEdit && <th scope="col" className="no-print"><span className="visually-hidden">{a.edit}</span></th>}
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.id} data-testid={`action-row-${i.id}`}>
            <th scope="row">
              <span className="action-table__title">{i.title}</span>
              {i.expectedEffect && <span className="action-table__effect">{i.expectedEffect}</span>}
              {i.indicator && <span className="action-table__effect">{`${i.indicator} · ${a.intervals[i.followUpInterval]}`}</span>}
            </th>
            <td>{localized(focusAreas, i.focusArea, lang)}</td>
            <td>
              {localized(organisations, i.organisation, lang)}
              {i.partnerOrganisation && <> · {i.partnerOrganisation}</>}
              {i.owner && <span className="action-table__effect">{i.owner}</span>}
            </td>
            <td>{[i.startsOn, i.dueOn].filter(Boolean).join(' – ') || '–'}</td>
            <td>
              <span className={`action-status action-status--${i.status}`}>{a.statuses[i.status]}</span>
              {i.statusReason && <span className="action-table__effect">{i.statusReason}</span>}
            </td>
            <td>{i.pinIds.length}</td>
            <td>{i.isPublic ? a.yes : a.no}</td>
            {onEdit && (
              <td className="no-print">
                <button type="button" className="button button--secondary" onClick={() => onEdit(i)} aria-label={`${a.edit}: ${i.title}`}>
                  {a.edit}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
