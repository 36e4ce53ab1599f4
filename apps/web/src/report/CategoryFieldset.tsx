import type { PublicCategory } from '@trygg/domain'
import { CategoryIcon } from '../categories/CategoryIcon.tsx'
import { toCategoryGroup } from '../categories/category-icons.ts'
import { useI18n } from '../i18n/language.tsx'
import { categoryLabel } from '../i18n/localized.ts'
import { FieldError } from './FieldError.tsx'

export interface CategoryFieldsetProps {
  categories: readonly PublicCategory[]
  value: string | null
  onChange: (key: string) => void
  error: string | undefined
}

/** Categories in groups, in the config's order, e.g. [['traffic', [speeding, moped]], …]. */
function groupCategories(categories: readonly PublicCategory[]): [string, PublicCategory[]][] {
  const groups = new Map<string, PublicCategory[]>()
  for (const category of categories) {
    const list = groups.get(category.group) ?? []
    list.push(category)
    groups.set(category.group, list)
  }
  return [...groups]
}

/** "What makes the place unsafe": one radio group of categories, shown in labelled groups. */
export function CategoryFieldset({ categories, value, onChange, error }: CategoryFieldsetProps) {
  const { lang, t } = useI18n()
  const errorId = 'category-error'
  return (
    <fieldset className="field field--category" aria-describedby={error ? errorId : undefined}>
      <legend className="field__legend">{t.categoryLegend}</legend>
      <FieldError id={errorId} message={error} />
      {groupCategories(categories).map(([group, members]) => (
        <fieldset key={group} className="choice-group">
          <legend className="choice-group__legend">{t.categoryGroups[toCategoryGroup(group)]}</legend>
          <div className="choices choices--categories">
            {members.map((category) => (
              <label key={category.key} className="choice choice--category">
                <input
                  type="radio"
                  name="category"
                  value={category.key}
                  checked={value === category.key}
                  onChange={() => onChange(category.key)}
                  aria-invalid={error ? true : undefined}
                  data-testid={`category-${category.key}`}
                />
                <span className="choice__icon" style={{ backgroundColor: category.color }}>
                  <CategoryIcon group={category.group} size={18} />
                </span>
                <span className="choice__label">{categoryLabel(category, lang)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </fieldset>
  )
}
