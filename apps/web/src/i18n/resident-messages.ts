import type { PinStatus } from '@trygg/domain'
import type { Lang } from './messages.ts'

/** Strings of the resident features beyond the map: campaigns, agreeing, following a pin, anti-bot. */
const sv = {
  campaignDigital: (name: string, until: string) => `${name} pågår till och med ${until}.`,
  campaignContinuous: (name: string) => `${name}: du kan markera platser när som helst.`,
  campaignClosed: (municipality: string) => `${municipality} tar inte emot markeringar just nu. Ingen trygghetsvandring pågår.`,

  nearbyHeading: 'Någon har redan markerat här – håller du med?',
  nearbyIntro: 'Håller du med om en markering i närheten räknas din röst där i stället för att det blir en dubblett.',
  nearbyDistance: (metres: number) => `${metres} m bort`,
  agree: 'Jag håller med',
  agreeing: 'Skickar…',
  agreed: 'Tack! Du håller med om markeringen.',
  alreadyAgreed: 'Du har redan hållit med om den här markeringen.',
  agreementCount: (n: number) => (n === 1 ? '1 person håller med' : `${n} personer håller med`),
  agreementsHeading: 'Håller med',

  followTitle: 'Din markering',
  categoryHeading: 'Kategori',
  followIntro: 'Här ser du vad som händer med platsen du markerade. Länken är privat.',
  followNotFound: 'Markeringen finns inte. Den kan ha tagits bort, eller så är länken fel.',
  historyHeading: 'Vad har hänt',
  historyStatus: {
    received: 'Mottagen',
    reviewed: 'Granskad av kommunen',
    action_planned: 'Åtgärd planerad',
    done: 'Åtgärdad',
    not_done: 'Ingen åtgärd',
  } as Record<PinStatus, string>,
  reason: 'Skäl',
  actionItemHeading: 'Kopplad åtgärd',
  commentPending: 'Kommentaren visas för andra när en moderator har granskat den.',
  commentRejected: 'Kommentaren publicerades inte.',
  yourComment: 'Din kommentar',
  deletePin: 'Ta bort min markering',
  confirmDelete: 'Vill du ta bort markeringen? Det går inte att ångra.',
  deleted: 'Markeringen är borttagen.',
  toMap: 'Till kartan',

  honeypotLabel: 'Lämna det här fältet tomt',
  verifying: 'Kontrollerar att du inte är en robot…',
}

export type ResidentMessages = typeof sv

const en: ResidentMessages = {
  campaignDigital: (name, until) => `${name} is running until ${until} inclusive.`,
  campaignContinuous: (name) => `${name}: you can mark places at any time.`,
  campaignClosed: (municipality) => `${municipality} is not collecting marks right now. No safety walk is running.`,

  nearbyHeading: 'Someone has already marked a place here – do you agree?',
  nearbyIntro: 'If you agree with a mark nearby, your voice counts there instead of making a duplicate.',
  nearbyDistance: (metres) => `${metres} m away`,
  agree: 'I agree',
  agreeing: 'Sending…',
  agreed: 'Thank you! You agree with the mark.',
  alreadyAgreed: 'You have already agreed with this mark.',
  agreementCount: (n) => (n === 1 ? '1 person agrees' : `${n} people agree`),
  agreementsHeading: 'Agree',

  followTitle: 'Your mark',
  categoryHeading: 'Category',
  followIntro: 'Here you see what happens to the place you marked. The link is private.',
  followNotFound: 'The mark does not exist. It may have been deleted, or the link is wrong.',
  historyHeading: 'What has happened',
  historyStatus: {
    received: 'Received',
    reviewed: 'Reviewed by the municipality',
    action_planned: 'Action planned',
    done: 'Done',
    not_done: 'No action',
  },
  reason: 'Reason',
  actionItemHeading: 'Linked action',
  commentPending: 'The comment is shown to others once a moderator has reviewed it.',
  commentRejected: 'The comment was not published.',
  yourComment: 'Your comment',
  deletePin: 'Delete my mark',
  confirmDelete: 'Delete the mark? This cannot be undone.',
  deleted: 'The mark is deleted.',
  toMap: 'To the map',

  honeypotLabel: 'Leave this field empty',
  verifying: 'Checking that you are not a robot…',
}

export const RESIDENT_MESSAGES: Readonly<Record<Lang, ResidentMessages>> = { sv, en }
