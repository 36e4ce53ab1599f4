import type { ActionStatusValue } from '@trygg/domain/constants'

/** One colour per status, shared by the map, the timeline and the table badges (see action-plan.css). */
export const STATUS_COLORS: Record<ActionStatusValue, string> = {
  proposed: '#6b6b6b',
  planned: '#1f5fa8',
  in_progress: '#b35900',
  done: '#1d7a36',
  not_done: '#a1122b',
}
