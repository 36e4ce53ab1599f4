import { useI18n } from './language.tsx'
import type { Lang } from './messages.ts'

/** The strings of the yearly follow-up report, in Swedish; `en` has the same shape. */
const sv = {
  heading: (year: number, municipality: string) => `Uppföljning ${year} – ${municipality}`,
  intro: 'Årlig uppföljning av den digitala trygghetsvandringen och åtgärdsplanen, för kommunstyrelsen.',
  year: 'År',
  print: 'Skriv ut eller spara som PDF',
  loading: 'Laddar uppföljningen…',
  error: 'Kunde inte hämta uppföljningen.',
  retry: 'Försök igen',
  campaignsHeading: 'Kampanjer jämfört med föregående',
  noCampaigns: 'Ingen kampanj startade detta år.',
  category: 'Kategori',
  now: 'I år',
  then: 'Föregående',
  change: 'Förändring',
  total: 'Totalt',
  hotspotsHeading: 'Största hotspots',
  hotspotsNone: 'Inga hotspots i årets kampanj.',
  hotspotRank: 'Nr',
  hotspotPins: 'Markeringar',
  hotspotMain: 'Vanligast',
  hotspotTrend: 'Mot föregående',
  planHeading: 'Åtgärdsplanens status',
  focusArea: 'Fokusområde',
  statuses: { proposed: 'Föreslagna', planned: 'Planerade', in_progress: 'Pågår', done: 'Genomförda', not_done: 'Ej genomförda' } as Record<string, string>,
  doneHeading: 'Genomfört under året',
  noneDone: 'Inga åtgärder genomfördes under året.',
  overdueHeading: 'Försenade åtgärder',
  noneOverdue: 'Inga försenade åtgärder.',
  due: 'Skulle vara klar',
  pins: (n: number) => `${n} markeringar`,
  indicatorsHeading: 'Indikatorer',
  feelSafe: 'Andel trygga (polisens trygghetsmätning), %',
  crimes: 'Anmälda brott',
  noIndicators: 'Inga indikatorer inmatade ännu.',
  editIndicators: (year: number) => `Mata in indikatorer för ${year}`,
  save: 'Spara',
  saved: 'Indikatorerna är sparade',
}

export type FollowUpMessages = typeof sv

const en: FollowUpMessages = {
  heading: (year, municipality) => `Follow-up ${year} – ${municipality}`,
  intro: 'Yearly follow-up of the digital safety walk and the action plan, for the council.',
  year: 'Year',
  print: 'Print or save as PDF',
  loading: 'Loading the follow-up…',
  error: 'Could not load the follow-up.',
  retry: 'Try again',
  campaignsHeading: 'Campaigns compared with the previous one',
  noCampaigns: 'No campaign started this year.',
  category: 'Category',
  now: 'This year',
  then: 'Previous',
  change: 'Change',
  total: 'Total',
  hotspotsHeading: 'Largest hotspots',
  hotspotsNone: 'No hotspots in this year’s campaign.',
  hotspotRank: 'No.',
  hotspotPins: 'Pins',
  hotspotMain: 'Most common',
  hotspotTrend: 'Against previous',
  planHeading: 'Action plan status',
  focusArea: 'Focus area',
  statuses: { proposed: 'Proposed', planned: 'Planned', in_progress: 'In progress', done: 'Done', not_done: 'Not done' },
  doneHeading: 'Done during the year',
  noneDone: 'No action items were done during the year.',
  overdueHeading: 'Overdue action items',
  noneOverdue: 'No overdue action items.',
  due: 'Was due',
  pins: (n) => `${n} pins`,
  indicatorsHeading: 'Indicators',
  feelSafe: 'Residents who feel safe (police survey), %',
  crimes: 'Reported crimes',
  noIndicators: 'No indicators entered yet.',
  editIndicators: (year) => `Enter the indicators for ${year}`,
  save: 'Save',
  saved: 'The indicators are saved',
}

export const FOLLOW_UP_MESSAGES: Record<Lang, FollowUpMessages> = { sv, en }

export function useFollowUpMessages(): FollowUpMessages {
  return FOLLOW_UP_MESSAGES[useI18n().lang]
}
