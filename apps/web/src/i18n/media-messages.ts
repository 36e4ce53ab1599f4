import type { AgeBand, Gender } from '@trygg/domain'
import type { Lang } from './messages.ts'
import { useI18n } from './language.tsx'

/** The resident app's strings for photos, finding the place, the list view and background questions. */
const sv = {
  photoLabel: 'Bild (valfritt)',
  photoHint: 'JPEG, PNG eller WebP, högst 10 MB. Vi tar bort all information i filen, till exempel var bilden togs. Bilden visas först när kommunen har granskat den.',
  photoWarning: 'Fotografera inte människor eller registreringsskyltar.',
  photoChoose: 'Välj bild',
  photoRemove: 'Ta bort bilden',
  photoChosen: (name: string) => `Vald bild: ${name}`,
  photoPreviewAlt: 'Förhandsvisning av den valda bilden',
  photoWrongType: 'Välj en bild i formatet JPEG, PNG eller WebP.',
  photoTooLarge: 'Bilden är större än 10 MB. Välj en mindre bild.',
  photoUploading: 'Laddar upp bilden…',
  photoProgress: (percent: number) => `Bilden laddas upp: ${percent} %`,
  photoUploaded: 'Bilden är uppladdad. Den visas när kommunen har granskat den.',
  photoFailed: (reason: string) => `Markeringen är sparad, men bilden kunde inte laddas upp: ${reason}`,
  pinPhotoAlt: 'Bild av platsen',

  useMyPosition: 'Använd min position',
  locating: 'Hämtar din position…',
  locatedHere: 'Kartan visar din position. Kontrollera platsen och välj den.',
  locationDenied: 'Webbläsaren fick inte använda din position. Sök på en adress eller flytta kartan i stället.',
  locationFailed: 'Din position kunde inte hämtas. Sök på en adress eller flytta kartan i stället.',
  locationUnsupported: 'Webbläsaren kan inte ge din position.',
  locationOutside: (municipality: string) => `Du verkar vara utanför ${municipality} kommun. Sök på en adress eller flytta kartan till platsen.`,
  searchLabel: 'Sök adress eller plats',
  searchButton: 'Sök',
  searching: 'Söker…',
  searchResultsHeading: 'Sökresultat',
  searchCount: (n: number) => (n === 0 ? 'Inga träffar i kommunen. Prova en annan stavning.' : n === 1 ? '1 träff' : `${n} träffar`),
  searchTooShort: 'Skriv minst två tecken.',
  movedTo: (label: string) => `Kartan visar ${label}. Kontrollera platsen och välj den.`,

  viewSwitch: 'Visa markeringarna som',
  showMap: 'Karta',
  showList: 'Lista',
  listHeading: 'Markeringar i kartutsnittet',
  listIntro: 'Samma markeringar som på kartan, senaste först. Markeringar i känsliga kategorier visas bara som områden på kartan.',
  listCount: (shown: number, total: number) => (total === 0 ? 'Inga markeringar här. Zooma ut på kartan för att se fler.' : `Visar ${shown} av ${total} markeringar`),
  listMore: 'Visa fler',
  listError: 'Listan kunde inte hämtas.',
  showOnMap: 'Visa på kartan',
  shownOnMap: 'Kartan visar markeringen.',

  backgroundLegend: 'Om dig (frivilligt)',
  backgroundHint: 'Svaren hjälper kommunen att se om olika grupper känner sig otrygga på olika platser. De visas bara i statistik över grupper med minst fem svar.',
  ageBandLabel: 'Ålder',
  genderLabel: 'Kön',
  noAnswer: 'Vill inte svara',
  ageBands: { under_18: 'Under 18 år', '18_29': '18–29 år', '30_44': '30–44 år', '45_64': '45–64 år', '65_plus': '65 år eller äldre' } as Record<AgeBand, string>,
  genders: { woman: 'Kvinna', man: 'Man', other: 'Annat' } as Record<Gender, string>,
}

export type MediaMessages = typeof sv

const en: MediaMessages = {
  photoLabel: 'Photo (optional)',
  photoHint: 'JPEG, PNG or WebP, at most 10 MB. We remove all information in the file, such as where the photo was taken. The photo is shown once the municipality has reviewed it.',
  photoWarning: 'Do not photograph people or number plates.',
  photoChoose: 'Choose a photo',
  photoRemove: 'Remove the photo',
  photoChosen: (name) => `Chosen photo: ${name}`,
  photoPreviewAlt: 'Preview of the chosen photo',
  photoWrongType: 'Choose a JPEG, PNG or WebP image.',
  photoTooLarge: 'The photo is larger than 10 MB. Choose a smaller one.',
  photoUploading: 'Uploading the photo…',
  photoProgress: (percent) => `Uploading the photo: ${percent} %`,
  photoUploaded: 'The photo is uploaded. It is shown once the municipality has reviewed it.',
  photoFailed: (reason) => `The pin is saved, but the photo could not be uploaded: ${reason}`,
  pinPhotoAlt: 'Photo of the place',

  useMyPosition: 'Use my location',
  locating: 'Finding your location…',
  locatedHere: 'The map shows your location. Check the place and choose it.',
  locationDenied: 'The browser was not allowed to use your location. Search for an address or move the map instead.',
  locationFailed: 'Your location could not be found. Search for an address or move the map instead.',
  locationUnsupported: 'The browser cannot give your location.',
  locationOutside: (municipality) => `You seem to be outside ${municipality} municipality. Search for an address or move the map to the place.`,
  searchLabel: 'Search for an address or place',
  searchButton: 'Search',
  searching: 'Searching…',
  searchResultsHeading: 'Search results',
  searchCount: (n) => (n === 0 ? 'Nothing found in the municipality. Try another spelling.' : n === 1 ? '1 result' : `${n} results`),
  searchTooShort: 'Type at least two characters.',
  movedTo: (label) => `The map shows ${label}. Check the place and choose it.`,

  viewSwitch: 'Show the pins as',
  showMap: 'Map',
  showList: 'List',
  listHeading: 'Pins in the map view',
  listIntro: 'The same pins as on the map, newest first. Pins in sensitive categories are shown only as areas on the map.',
  listCount: (shown, total) => (total === 0 ? 'No pins here. Zoom out on the map to see more.' : `Showing ${shown} of ${total} pins`),
  listMore: 'Show more',
  listError: 'The list could not be loaded.',
  showOnMap: 'Show on the map',
  shownOnMap: 'The map shows the pin.',

  backgroundLegend: 'About you (optional)',
  backgroundHint: 'The answers help the municipality see whether groups feel unsafe in different places. They are shown only in statistics of groups with at least five answers.',
  ageBandLabel: 'Age',
  genderLabel: 'Gender',
  noAnswer: 'Prefer not to say',
  ageBands: { under_18: 'Under 18', '18_29': '18–29', '30_44': '30–44', '45_64': '45–64', '65_plus': '65 or older' },
  genders: { woman: 'Woman', man: 'Man', other: 'Other' },
}

export const MEDIA_MESSAGES: Record<Lang, MediaMessages> = { sv, en }

/** The media strings in the current language. */
export function useMediaMessages(): MediaMessages {
  return MEDIA_MESSAGES[useI18n().lang]
}
