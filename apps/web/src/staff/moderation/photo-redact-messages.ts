import { useI18n } from '../../i18n/language.tsx'
import type { Lang } from '../../i18n/messages.ts'

/** The photo redaction form's strings in Swedish; `en` has the same shape. */
const sv = {
  open: 'Sudda och beskär',
  heading: 'Sudda och beskär bilden',
  help:
    'Dra med musen över bilden för att markera en ruta, eller lägg till rutor och skriv in deras läge i pixlar. Suddade rutor görs oläsliga; beskärningen behåller bara sin ruta. Originalet ersätts och sparas inte.',
  mode: 'Musen ritar',
  modeBlur: 'Suddade rutor',
  modeCrop: 'Beskärning',
  imageSize: (w: number, h: number) => `Bilden är ${w} × ${h} pixlar.`,
  blurRect: (n: number) => `Suddad ruta ${n}`,
  addBlur: 'Lägg till suddad ruta',
  removeBlur: (n: number) => `Ta bort suddad ruta ${n}`,
  crop: 'Beskär bilden',
  cropRect: 'Beskärning',
  x: 'Från vänster',
  y: 'Från toppen',
  width: 'Bredd',
  height: 'Höjd',
  preview: 'Förhandsvisning',
  previewAlt: 'Bilden som den blir efter redigeringen',
  reason: 'Skäl',
  reasonHint: 'Till exempel "ansikte" eller "registreringsskylt". Skälet sparas i granskningsloggen.',
  reasonRequired: 'Skriv skälet.',
  nothing: 'Markera minst en suddad ruta eller en beskärning.',
  approve: 'Godkänn och publicera bilden efteråt',
  apply: 'Spara den redigerade bilden',
  cancel: 'Avbryt',
  done: 'Bilden är redigerad.',
  doneApproved: 'Bilden är redigerad och godkänd.',
}

export type PhotoRedactMessages = typeof sv

const en: PhotoRedactMessages = {
  open: 'Blur and crop',
  heading: 'Blur and crop the photo',
  help:
    'Drag across the photo with the mouse to mark a rectangle, or add rectangles and type their position in pixels. Blurred rectangles are made unreadable; the crop keeps only its rectangle. The original is replaced, not kept.',
  mode: 'The mouse draws',
  modeBlur: 'Blurred rectangles',
  modeCrop: 'The crop',
  imageSize: (w, h) => `The photo is ${w} × ${h} pixels.`,
  blurRect: (n) => `Blurred rectangle ${n}`,
  addBlur: 'Add a blurred rectangle',
  removeBlur: (n) => `Remove blurred rectangle ${n}`,
  crop: 'Crop the photo',
  cropRect: 'Crop',
  x: 'From the left',
  y: 'From the top',
  width: 'Width',
  height: 'Height',
  preview: 'Preview',
  previewAlt: 'The photo as it will be after the edit',
  reason: 'Reason',
  reasonHint: 'For example "face" or "number plate". The reason is kept in the audit log.',
  reasonRequired: 'Enter the reason.',
  nothing: 'Mark at least one blurred rectangle or a crop.',
  approve: 'Approve and publish the photo afterwards',
  apply: 'Save the edited photo',
  cancel: 'Cancel',
  done: 'The photo has been edited.',
  doneApproved: 'The photo has been edited and approved.',
}

const MESSAGES: Record<Lang, PhotoRedactMessages> = { sv, en }

export function usePhotoRedactMessages(): PhotoRedactMessages {
  return MESSAGES[useI18n().lang]
}
