import { useI18n } from './language.tsx'
import type { Lang } from './messages.ts'

/** The strings of the public results page `/resultat`, in Swedish; `en` has the same shape. */
const sv = {
  documentTitle: 'Resultat – Trygg',
  heading: 'Vad har hänt?',
  intro: 'Det här gör kommunen, polisen och fastighetsägarna åt platserna som invånarna har markerat.',
  loading: 'Laddar resultaten…',
  error: 'Kunde inte hämta resultaten.',
  retry: 'Försök igen',
  toMap: 'Till kartan',
  feed: 'Prenumerera på genomförda åtgärder (Atom)',
  mapLabel: 'Karta över åtgärdernas områden',
  mapHelp: 'Områdena visar var åtgärderna görs: blå planerade, orange pågående, gröna genomförda. Listan nedan har samma åtgärder.',
  statuses: { planned: 'Planerade', in_progress: 'Pågår', done: 'Genomförda' },
  status: { planned: 'Planerad', in_progress: 'Pågår', done: 'Genomförd' },
  none: 'Inga åtgärder här ännu.',
  pins: (n: number) => (n === 1 ? '1 markering' : `${n} markeringar`),
  doneOn: (d: string) => `Genomförd ${d}`,
  dueOn: (d: string) => `Klar senast ${d}`,
  statsHeading: 'Markeringar per kampanj',
  campaign: 'Kampanj',
  pinCount: 'Markeringar',
  previous: 'Föregående',
  change: 'Förändring',
  noPrevious: '–',
}

export type ResultsMessages = typeof sv

const en: ResultsMessages = {
  documentTitle: 'Results – Trygg',
  heading: 'What has happened?',
  intro: 'What the municipality, the police and property owners do about the places residents marked.',
  loading: 'Loading the results…',
  error: 'Could not load the results.',
  retry: 'Try again',
  toMap: 'To the map',
  feed: 'Subscribe to completed actions (Atom)',
  mapLabel: 'Map of the action areas',
  mapHelp: 'The areas show where the actions are: blue planned, orange in progress, green done. The list below has the same actions.',
  statuses: { planned: 'Planned', in_progress: 'In progress', done: 'Done' },
  status: { planned: 'Planned', in_progress: 'In progress', done: 'Done' },
  none: 'No actions here yet.',
  pins: (n: number) => (n === 1 ? '1 pin' : `${n} pins`),
  doneOn: (d: string) => `Done ${d}`,
  dueOn: (d: string) => `Due ${d}`,
  statsHeading: 'Pins per campaign',
  campaign: 'Campaign',
  pinCount: 'Pins',
  previous: 'Previous',
  change: 'Change',
  noPrevious: '–',
}

export const RESULTS_MESSAGES: Record<Lang, ResultsMessages> = { sv, en }

export function useResultsMessages(): ResultsMessages {
  return RESULTS_MESSAGES[useI18n().lang]
}
