import type { ImportRejection } from '@trygg/domain'
import { useI18n } from '../../i18n/language.tsx'
import type { Lang } from '../../i18n/messages.ts'
import type { ImportField } from './import-file.ts'

/** The import page's strings in Swedish; `en` has the same shape. */
const sv = {
  heading: 'Importera tidigare års markeringar',
  intro:
    'Välj en CSV- eller GeoJSON-fil med markeringar från en tidigare trygghetsvandring. Filen läses i webbläsaren; du väljer vilka kolumner som är vad, och raderna skickas sedan i omgångar. Samma fil kan importeras igen utan att något dubbleras.',
  fileStep: '1. Fil och kampanj',
  file: 'Fil (CSV eller GeoJSON)',
  fileError: { empty: 'Filen innehåller inga rader.', json: 'Filen är inte giltig JSON.', read: 'Filen kunde inte läsas.' } as Record<string, string>,
  fileRead: (rows: number, columns: number) => `${rows} rader och ${columns} kolumner lästa.`,
  campaign: 'Kampanj för markeringarna',
  campaignByDate: 'Kampanjen som pågick vid varje rads datum',
  campaignNone: 'Ingen kampanj',
  mappingStep: '2. Kolumner',
  mappingIntro: 'Ange vilken kolumn som innehåller vad. Latitud, longitud, kategori och datum behövs.',
  notMapped: '(används inte)',
  fields: {
    lat: 'Latitud (WGS84)',
    lon: 'Longitud (WGS84)',
    category: 'Kategori (nyckel eller namn)',
    date: 'Datum',
    severity: 'Hur otryggt 1–5 (tom: 3)',
    timesOfDay: 'Tid på dygnet',
    comment: 'Kommentar (modereras)',
    externalId: 'Radens id i filen (känner igen rader vid ny import)',
  } satisfies Record<ImportField, string>,
  required: 'Välj en kolumn.',
  categoryValues: 'Kategorier som inte känns igen',
  categoryValuesIntro: 'Dessa värden i kategorikolumnen är varken en kategoris nyckel eller namn. Välj vilken kategori de betyder; rader med värden du lämnar avvisas.',
  categoryValue: (value: string, count: number) => `”${value}” (${count} ${count === 1 ? 'rad' : 'rader'})`,
  rejectValue: '(avvisa raderna)',
  preview: 'Första raderna som de skickas',
  start: 'Importera',
  importing: 'Importerar…',
  progressLabel: 'Importerade rader',
  progress: (done: number, total: number) => `${done} av ${total} rader (${total ? Math.floor((100 * done) / total) : 0} %)`,
  stopped: 'Importen avbröts. Raderna som redan skickats är sparade.',
  resume: 'Fortsätt importen',
  reportStep: '3. Resultat',
  summary: (added: number, duplicates: number, rejected: number) => `${added} nya markeringar, ${duplicates} redan importerade, ${rejected} rader avvisade.`,
  rejectedHeading: 'Avvisade rader',
  row: 'Rad',
  field: 'Kolumn',
  reason: 'Skäl',
  reasons: {
    bad_coordinates: 'Felaktiga koordinater',
    outside_boundary: 'Utanför kommunen',
    unknown_category: 'Okänd kategori',
    bad_date: 'Felaktigt datum',
    future_date: 'Datum i framtiden',
    bad_severity: 'Felaktig allvarlighet',
    bad_times_of_day: 'Okänd tid på dygnet',
    comment_too_long: 'För lång kommentar',
  } satisfies Record<ImportRejection, string>,
  moreRejected: (n: number) => `… och ${n} rader till.`,
  again: 'Importera en fil till',
  done: 'Importen är klar.',
}

export type ImportMessages = typeof sv

const en: ImportMessages = {
  heading: "Import earlier years' marks",
  intro:
    'Choose a CSV or GeoJSON file of marks from an earlier safety walk. The file is read in your browser; you choose which column holds what, and the rows are then sent in batches. The same file can be imported again without duplicating anything.',
  fileStep: '1. File and campaign',
  file: 'File (CSV or GeoJSON)',
  fileError: { empty: 'The file has no rows.', json: 'The file is not valid JSON.', read: 'The file could not be read.' },
  fileRead: (rows, columns) => `${rows} rows and ${columns} columns read.`,
  campaign: 'Campaign of the marks',
  campaignByDate: 'The campaign running at each row’s date',
  campaignNone: 'No campaign',
  mappingStep: '2. Columns',
  mappingIntro: 'Say which column holds what. Latitude, longitude, category and date are needed.',
  notMapped: '(not used)',
  fields: {
    lat: 'Latitude (WGS84)',
    lon: 'Longitude (WGS84)',
    category: 'Category (key or name)',
    date: 'Date',
    severity: 'How unsafe 1–5 (empty: 3)',
    timesOfDay: 'Time of day',
    comment: 'Comment (moderated)',
    externalId: 'The row’s id in the file (recognises rows on a new import)',
  },
  required: 'Choose a column.',
  categoryValues: 'Categories not recognised',
  categoryValuesIntro: 'These values of the category column are neither a category key nor a name. Choose the category each one means; rows with values you leave are rejected.',
  categoryValue: (value, count) => `“${value}” (${count} ${count === 1 ? 'row' : 'rows'})`,
  rejectValue: '(reject the rows)',
  preview: 'The first rows as they are sent',
  start: 'Import',
  importing: 'Importing…',
  progressLabel: 'Rows imported',
  progress: (done, total) => `${done} of ${total} rows (${total ? Math.floor((100 * done) / total) : 0} %)`,
  stopped: 'The import stopped. The rows already sent are saved.',
  resume: 'Continue the import',
  reportStep: '3. Result',
  summary: (added, duplicates, rejected) => `${added} new marks, ${duplicates} already imported, ${rejected} rows rejected.`,
  rejectedHeading: 'Rejected rows',
  row: 'Row',
  field: 'Column',
  reason: 'Reason',
  reasons: {
    bad_coordinates: 'Bad coordinates',
    outside_boundary: 'Outside the municipality',
    unknown_category: 'Unknown category',
    bad_date: 'Bad date',
    future_date: 'Date in the future',
    bad_severity: 'Bad severity',
    bad_times_of_day: 'Unknown time of day',
    comment_too_long: 'Comment too long',
  },
  moreRejected: (n) => `… and ${n} more rows.`,
  again: 'Import another file',
  done: 'The import is finished.',
}

const IMPORT_MESSAGES: Record<Lang, ImportMessages> = { sv, en }

export function useImportMessages(): { lang: Lang; t: ImportMessages } {
  const { lang } = useI18n()
  return { lang, t: IMPORT_MESSAGES[lang] }
}
