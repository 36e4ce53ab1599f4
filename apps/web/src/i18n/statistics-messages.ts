import { useI18n } from './language.tsx'
import type { Lang } from './messages.ts'

/** The strings of the staff statistics page, in Swedish; `en` has the same shape. */
const sv = {
  heading: 'Statistik',
  intro: 'Vad invånarna har markerat: per kategori, tid på dygnet och vecka, och år för år, bredvid årets indikatorer.',
  campaign: 'Kampanj',
  loading: 'Laddar statistiken…',
  retry: 'Försök igen',
  byCategory: 'Markeringar per kategori',
  timeOfDay: 'Tid på dygnet per kategori',
  category: 'Kategori',
  times: { morning: 'Morgon', day: 'Dag', evening: 'Kväll', night: 'Natt' },
  weeks: 'Markeringar per vecka',
  weekOf: (d: string) => `Vecka från ${d}`,
  years: 'År för år per kategori',
  indicators: 'Indikatorer',
  year: 'År',
  feelSafe: 'Andel trygga, %',
  crimes: 'Anmälda brott',
  noIndicators: 'Inga indikatorer inmatade. Mata in dem under Uppföljning.',
  none: 'Inga markeringar.',
}

export type StatisticsMessages = typeof sv

const en: StatisticsMessages = {
  heading: 'Statistics',
  intro: 'What residents marked: per category, time of day and week, and year by year, beside the yearly indicators.',
  campaign: 'Campaign',
  loading: 'Loading the statistics…',
  retry: 'Try again',
  byCategory: 'Pins per category',
  timeOfDay: 'Time of day per category',
  category: 'Category',
  times: { morning: 'Morning', day: 'Day', evening: 'Evening', night: 'Night' },
  weeks: 'Pins per week',
  weekOf: (d) => `Week of ${d}`,
  years: 'Year by year per category',
  indicators: 'Indicators',
  year: 'Year',
  feelSafe: 'Feel safe, %',
  crimes: 'Reported crimes',
  noIndicators: 'No indicators entered. Enter them under Follow-up.',
  none: 'No pins.',
}

export const STATISTICS_MESSAGES: Record<Lang, StatisticsMessages> = { sv, en }

export function useStatisticsMessages(): StatisticsMessages {
  return STATISTICS_MESSAGES[useI18n().lang]
}
