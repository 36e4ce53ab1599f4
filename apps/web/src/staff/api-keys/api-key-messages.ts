import { useI18n } from '../../i18n/language.tsx'
import type { Lang } from '../../i18n/messages.ts'

/** The API key page's strings in Swedish; `en` has the same shape. */
const sv = {
  heading: 'API-nycklar för Open311',
  intro:
    'Ett ärendesystem eller en app som talar Open311 GeoReport v2 behöver en nyckel för att lämna in markeringar till kommunen. Nyckeln visas bara en gång; lämna den säkert till mottagaren.',
  newKey: 'Ny nyckel',
  name: 'Vem är nyckeln till?',
  nameRequired: 'Skriv vem nyckeln är till.',
  create: 'Skapa nyckel',
  created: 'Nyckeln är skapad.',
  keyFor: (name: string) => `Nyckel för ${name}`,
  keyOnce: 'Kopiera nyckeln nu. Den sparas inte och kan inte visas igen.',
  hideKey: 'Jag har sparat nyckeln',
  prefix: 'Början',
  createdAt: 'Skapad',
  lastUsed: 'Senast använd',
  uses: 'Användningar',
  state: 'Läge',
  active: 'Aktiv',
  revokedAt: (when: string) => `Spärrad ${when}`,
  never: 'Aldrig',
  revoke: 'Spärra',
  revokeConfirm: (name: string) => `Spärra nyckeln för ${name}? Det går inte att ångra.`,
  revoked: 'Nyckeln är spärrad.',
  none: 'Kommunen har inga nycklar ännu.',
}

export type ApiKeyMessages = typeof sv

const en: ApiKeyMessages = {
  heading: 'API keys for Open311',
  intro:
    'A case system or app that speaks Open311 GeoReport v2 needs a key to submit reports to the municipality. The key is shown only once; hand it over safely.',
  newKey: 'New key',
  name: 'Who is the key for?',
  nameRequired: 'Say who the key is for.',
  create: 'Create key',
  created: 'The key has been created.',
  keyFor: (name) => `Key for ${name}`,
  keyOnce: 'Copy the key now. It is not stored and cannot be shown again.',
  hideKey: 'I have saved the key',
  prefix: 'Starts with',
  createdAt: 'Created',
  lastUsed: 'Last used',
  uses: 'Uses',
  state: 'State',
  active: 'Active',
  revokedAt: (when) => `Revoked ${when}`,
  never: 'Never',
  revoke: 'Revoke',
  revokeConfirm: (name) => `Revoke the key for ${name}? This cannot be undone.`,
  revoked: 'The key has been revoked.',
  none: 'The municipality has no keys yet.',
}

const API_KEY_MESSAGES: Record<Lang, ApiKeyMessages> = { sv, en }

export function useApiKeyMessages(): { lang: Lang; k: ApiKeyMessages } {
  const { lang } = useI18n()
  return { lang, k: API_KEY_MESSAGES[lang] }
}
