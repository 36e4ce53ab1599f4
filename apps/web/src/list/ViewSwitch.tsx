import { useMediaMessages } from '../i18n/media-messages.ts'

export type ResidentViewMode = 'map' | 'list'

/** Map or list: two toggle buttons, the current one pressed. */
export function ViewSwitch({ mode, onChange }: { mode: ResidentViewMode; onChange: (mode: ResidentViewMode) => void }) {
  const m = useMediaMessages()
  return (
    <div className="view-switch" role="group" aria-label={m.viewSwitch}>
      {(['map', 'list'] as const).map((option) => (
        <button
          key={option}
          type="button"
          className="view-switch__option"
          aria-pressed={mode === option}
          onClick={() => onChange(option)}
          data-testid={`view-${option}`}
        >
          {option === 'map' ? m.showMap : m.showList}
        </button>
      ))}
    </div>
  )
}
