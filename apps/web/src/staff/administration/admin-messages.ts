import type { CategoryGroup } from '@trygg/domain'
import { useI18n } from '../../i18n/language.tsx'
import type { Lang } from '../../i18n/messages.ts'

type Kind = 'digital' | 'walk' | 'continuous'

/** The administration page's strings in Swedish; `en` has the same shape. */
const sv = {
  heading: 'Administration',
  intro: 'Kampanjer, kategorier, kommunens inställningar och kommungränsen. Varje ändring skrivs i granskningsloggen.',
  contents: 'Innehåll',
  save: 'Spara',
  cancel: 'Avbryt',
  edit: 'Ändra',
  saved: 'Ändringen är sparad.',

  campaigns: 'Kampanjer',
  campaignsIntro:
    'En digital kampanj tar emot markeringar under en period; den löpande kampanjen tar emot dem när ingen annan pågår. Fysiska vandringar planeras på en egen sida och visas här bara som lista.',
  kind: 'Sort',
  kinds: { digital: 'Digital', walk: 'Fysisk vandring', continuous: 'Löpande' } as Record<Kind, string>,
  name: 'Namn',
  starts: 'Första dag',
  ends: 'Sista dag',
  openEnded: 'Tills vidare',
  pins: 'Markeringar',
  state: 'Läge',
  active: 'Pågår',
  upcoming: 'Kommande',
  ended: 'Avslutad',
  newCampaign: 'Ny kampanj',
  createCampaign: 'Skapa kampanj',
  campaignCreated: 'Kampanjen är skapad.',
  nameRequired: 'Skriv ett namn.',
  startRequired: 'Välj första dag.',
  endRequired: 'Välj sista dag, eller välj sorten löpande.',
  endBeforeStart: 'Sista dagen kan inte komma före den första.',
  endNow: 'Avsluta nu',
  endNowConfirm: (name: string) => `Avsluta kampanjen ${name} nu? Den tar inte emot fler markeringar.`,
  campaignEnded: 'Kampanjen är avslutad.',
  editCampaign: (name: string) => `Ändra kampanjen ${name}`,
  noCampaigns: 'Kommunen har inga kampanjer ännu.',

  categories: 'Kategorier',
  categoriesIntro:
    'Kategorierna invånarna väljer bland. En kategori tas aldrig bort, eftersom gamla markeringar behåller sin; dölj den i stället. Känsliga kategorier visas bara sammanslagna i rutor med flera markeringar.',
  key: 'Nyckel',
  keyHint: 'Små bokstäver a–z, siffror och _, börjar med en bokstav. Kan inte ändras (Open311 service_code).',
  keyInvalid: 'Nyckeln ska börja med en bokstav a–z och bara ha små bokstäver, siffror och _.',
  labelSv: 'Namn på svenska',
  labelEn: 'Namn på engelska',
  labelRequired: 'Skriv ett namn.',
  group: 'Grupp',
  sensitive: 'Känslig',
  sensitiveHint: 'Visas bara i sammanslagna rutor.',
  yes: 'Ja',
  no: 'Nej',
  shown: 'Synlig',
  hidden: 'Dold',
  hide: 'Dölj',
  show: 'Visa',
  categoryHidden: 'Kategorin är dold för invånarna.',
  categoryShown: 'Kategorin visas för invånarna.',
  newCategory: 'Ny kategori',
  createCategory: 'Lägg till kategori',
  categoryCreated: 'Kategorin är tillagd.',
  editCategory: (label: string) => `Ändra kategorin ${label}`,

  settings: 'Inställningar',
  settingsIntro: 'Inställningar som administratörer ändrar här. Övriga värden sätts i serverns miljövariabler och visas för kännedom.',
  backgroundQuestions: 'Ställ frivilliga bakgrundsfrågor (ålder och kön) efter en markering',
  backgroundOn: 'Bakgrundsfrågorna ställs.',
  backgroundOff: 'Bakgrundsfrågorna ställs inte.',
  sensitiveMinCount: 'Minsta antal markeringar i en ruta för känsliga kategorier',
  serverSetting: (name: string) => `Sätts med ${name}.`,

  boundary: 'Kommungräns',
  boundaryIntro:
    'Markeringar tas bara emot inom gränsen. Ladda upp en GeoJSON-fil i WGS84 med en Polygon eller MultiPolygon, som den är, som Feature eller som FeatureCollection. Granska gränsen på kartan innan du sparar. Markeringar utanför en ny gräns finns kvar.',
  boundaryFile: 'GeoJSON-fil',
  notJson: (file: string) => `${file} är inte en JSON-fil.`,
  notPolygon: (file: string) => `${file} innehåller ingen Polygon eller MultiPolygon (som den är, som Feature eller som FeatureCollection).`,
  preview: (parts: number) => `Förhandsvisning: ${parts} ${parts === 1 ? 'polygon' : 'polygoner'}. Blå linje är nuvarande gräns, orange yta den nya.`,
  mapLabel: 'Karta med nuvarande och ny kommungräns',
  mapHelp: 'Kartan kan panoreras med piltangenterna och zoomas med plus och minus.',
  saveBoundary: 'Spara den nya gränsen',
  boundaryConfirm: 'Ersätta kommungränsen? Nya markeringar utanför den tas inte emot.',
  boundarySaved: (areaKm2: number, parts: number, outside: number) =>
    `Gränsen är sparad: ${areaKm2.toLocaleString('sv-SE')} km², ${parts} ${parts === 1 ? 'del' : 'delar'}. ${outside} befintliga markeringar ligger utanför och finns kvar.`,
}

export type AdminMessages = typeof sv

const en: AdminMessages = {
  heading: 'Administration',
  intro: "Campaigns, categories, the municipality's settings and its boundary. Every change is written to the audit log.",
  contents: 'Contents',
  save: 'Save',
  cancel: 'Cancel',
  edit: 'Edit',
  saved: 'The change has been saved.',

  campaigns: 'Campaigns',
  campaignsIntro:
    'A digital campaign takes reports for a period; the continuous campaign takes them when no other is running. Physical walks are planned on their own page and are only listed here.',
  kind: 'Kind',
  kinds: { digital: 'Digital', walk: 'Physical walk', continuous: 'Continuous' },
  name: 'Name',
  starts: 'First day',
  ends: 'Last day',
  openEnded: 'Until further notice',
  pins: 'Reports',
  state: 'State',
  active: 'Running',
  upcoming: 'Upcoming',
  ended: 'Ended',
  newCampaign: 'New campaign',
  createCampaign: 'Create campaign',
  campaignCreated: 'The campaign has been created.',
  nameRequired: 'Enter a name.',
  startRequired: 'Choose the first day.',
  endRequired: 'Choose the last day, or choose the kind continuous.',
  endBeforeStart: 'The last day cannot come before the first.',
  endNow: 'End now',
  endNowConfirm: (name) => `End the campaign ${name} now? It will take no more reports.`,
  campaignEnded: 'The campaign has ended.',
  editCampaign: (name) => `Edit the campaign ${name}`,
  noCampaigns: 'The municipality has no campaigns yet.',

  categories: 'Categories',
  categoriesIntro:
    'The categories residents choose from. A category is never deleted, as old reports keep theirs; hide it instead. Sensitive categories are only shown merged into cells with several reports.',
  key: 'Key',
  keyHint: 'Lower-case a–z, digits and _, starting with a letter. Cannot be changed (Open311 service_code).',
  keyInvalid: 'The key must start with a letter a–z and have only lower-case letters, digits and _.',
  labelSv: 'Name in Swedish',
  labelEn: 'Name in English',
  labelRequired: 'Enter a name.',
  group: 'Group',
  sensitive: 'Sensitive',
  sensitiveHint: 'Shown only in merged cells.',
  yes: 'Yes',
  no: 'No',
  shown: 'Shown',
  hidden: 'Hidden',
  hide: 'Hide',
  show: 'Show',
  categoryHidden: 'The category is hidden from residents.',
  categoryShown: 'The category is shown to residents.',
  newCategory: 'New category',
  createCategory: 'Add category',
  categoryCreated: 'The category has been added.',
  editCategory: (label) => `Edit the category ${label}`,

  settings: 'Settings',
  settingsIntro: "Settings administrators change here. Other values are set in the server's environment and shown for reference.",
  backgroundQuestions: 'Ask optional background questions (age and gender) after a report',
  backgroundOn: 'The background questions are asked.',
  backgroundOff: 'The background questions are not asked.',
  sensitiveMinCount: 'Fewest reports in a cell for sensitive categories',
  serverSetting: (name) => `Set with ${name}.`,

  boundary: 'Municipal boundary',
  boundaryIntro:
    'Reports are only accepted inside the boundary. Upload a GeoJSON file in WGS84 with a Polygon or MultiPolygon, bare, as a Feature or as a FeatureCollection. Check the boundary on the map before saving. Reports outside a new boundary are kept.',
  boundaryFile: 'GeoJSON file',
  notJson: (file) => `${file} is not a JSON file.`,
  notPolygon: (file) => `${file} holds no Polygon or MultiPolygon (bare, as a Feature or as a FeatureCollection).`,
  preview: (parts) => `Preview: ${parts} ${parts === 1 ? 'polygon' : 'polygons'}. The blue line is the current boundary, the orange area the new one.`,
  mapLabel: 'Map with the current and the new municipal boundary',
  mapHelp: 'Pan the map with the arrow keys and zoom with plus and minus.',
  saveBoundary: 'Save the new boundary',
  boundaryConfirm: 'Replace the municipal boundary? New reports outside it will be refused.',
  boundarySaved: (areaKm2, parts, outside) =>
    `The boundary has been saved: ${areaKm2.toLocaleString('en-GB')} km², ${parts} ${parts === 1 ? 'part' : 'parts'}. ${outside} existing reports lie outside and are kept.`,
}

const ADMIN_MESSAGES: Record<Lang, AdminMessages> = { sv, en }

/** The administration page's strings and the category group names, in the current language. */
export function useAdminMessages(): { lang: Lang; t: AdminMessages; groups: Record<CategoryGroup, string> } {
  const { lang, t } = useI18n()
  return { lang, t: ADMIN_MESSAGES[lang], groups: t.categoryGroups }
}
