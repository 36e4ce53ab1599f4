import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/** The whole runtime configuration, read once at start-up and frozen. */
export interface Config {
  port: number
  host: string
  /** PostgreSQL connection string; unset means the embedded PGlite database. */
  databaseUrl: string | null
  /** Folder of the embedded database (ignored with databaseUrl). `memory://` keeps it in memory. */
  dataDir: string
  /** Create the Kävlinge demo on first start with an empty database. */
  demo: boolean
  /** Slug of the municipality served at `/`. Unset means the first one created. */
  municipality: string | null
  logLevel: string
  map: { tileUrl: string; attribution: string; maxZoom: number }
  /** Sensitive categories show only in cells with at least this many pins. */
  sensitiveMinCount: number
  /** Sensitive categories are never clustered finer than this zoom. */
  sensitiveMaxZoom: number
  /** Folder with the built web app; null disables static serving. */
  webDist: string | null
  /** Public base URL (`https://trygg.example.se`); null derives it from each request. */
  publicUrl: string | null
  /** Texts of the Open311 discovery document. */
  open311: { contact: string; keyService: string }
  /**
   * The origin staff use, e.g. `https://trygg.kavlinge.se`. State-changing staff requests must
   * come from it (Origin/Referer check). Null: the origin the request itself was sent to.
   */
  publicOrigin: string | null
  /** Which proxies to believe about the client address and protocol: all (true) or these addresses/CIDRs. */
  trustProxy: boolean | string
  session: {
    /** Minutes without a request after which a staff session ends. */
    idleMinutes: number
    /** Hours after sign-in after which a staff session ends, used or not. */
    absoluteHours: number
    /** The cookie's Secure flag: always, never, or `auto` (off only for plain http to a loopback host). */
    cookieSecure: 'auto' | boolean
  }
  /** Weeks before and after a traffic control compared by "did it help", and of the areas' trend. */
  policeEffectWeeks: number
  /** Radius in metres of the "someone has already marked here" hint while placing a pin. */
  nearbyRadiusM: number
  /** Resident writes allowed per client address and minute; 0 turns rate limiting off. */
  rateLimitPerMin: number
  /** ALTCHA proof-of-work on resident writes; off only for trusted networks and benchmarks. */
  antibot: boolean
  /** HMAC key signing the challenges; null: a random key per process (one instance only). */
  antibotSecret: string | null
  /** Folder of residents' photos (re-encoded JPEGs). Default: `photos` in the data folder. */
  photoDir: string
  /** Address search: a Nominatim-compatible geocoder; url null turns it off. */
  geocoder: { url: string | null; userAgent: string; attribution: string }
  /** Days follow tokens and optional contact data are kept before the retention job deletes them. */
  retentionDays: number
}

export class ConfigError extends Error {}

const repoRoot = path.resolve(import.meta.dirname, '../../../..')

/** Configuration defaults; each is documented in README.md. */
export const defaults = {
  PORT: '8080', // one port for the web app and the API
  HOST: '0.0.0.0',
  TRYGG_DATA_DIR: path.join(repoRoot, 'data'), // embedded database folder
  TRYGG_DEMO: '1', // seed the demo municipality when the database is empty
  LOG_LEVEL: 'info',
  TRYGG_TILE_URL: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', // OpenStreetMap's standard tiles
  TRYGG_TILE_ATTRIBUTION: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bidragsgivare',
  TRYGG_TILE_MAX_ZOOM: '19',
  TRYGG_SENSITIVE_MIN_COUNT: '5', // k for sensitive categories
  TRYGG_SENSITIVE_MAX_ZOOM: '14', // about a 600 m cell
  TRYGG_WEB_DIST: path.join(repoRoot, 'apps/web/dist'),
  TRYGG_PUBLIC_URL: '', // derived from each request's Host when unset
  TRYGG_OPEN311_CONTACT: 'Contact the municipality that runs this service.',
  TRYGG_OPEN311_KEY_SERVICE: 'API keys for writing are issued by the administrators of this installation.',
  TRYGG_PUBLIC_ORIGIN: '', // empty: the origin of each request
  TRYGG_TRUST_PROXY: 'false', // true, or comma-separated proxy addresses/CIDRs
  TRYGG_SESSION_IDLE_MINUTES: '30', // OWASP ASVS: idle timeout
  TRYGG_SESSION_ABSOLUTE_HOURS: '12', // a working day, then sign in again
  TRYGG_COOKIE_SECURE: 'auto', // Secure except on plain http to localhost
  TRYGG_POLICE_EFFECT_WEEKS: '4', // weeks before/after a control, and of a traffic area's trend
  TRYGG_NEARBY_RADIUS_M: '25', // metres around a new pin searched for the same problem
  TRYGG_RATE_LIMIT_PER_MIN: '20', // resident writes per client address and minute; 0 = off
  TRYGG_ANTIBOT: 'on', // ALTCHA proof-of-work on resident writes
  TRYGG_ANTIBOT_SECRET: '', // empty: random per process; set one shared secret for several instances
  TRYGG_PHOTO_DIR: '', // empty: <TRYGG_DATA_DIR>/photos (the system temp folder for an in-memory database)
  TRYGG_GEOCODER_URL: 'https://nominatim.openstreetmap.org', // Nominatim-compatible; `off` turns address search off
  TRYGG_GEOCODER_USER_AGENT: 'Trygg/0.1 (digital trygghetsvandring)', // better: name the installation and a contact address
  TRYGG_GEOCODER_ATTRIBUTION: 'Adressdata © OpenStreetMap-bidragsgivare, sökning via Nominatim',
  TRYGG_RETENTION_DAYS: '365', // follow tokens and contact data, then deleted
} as const

function integer(env: NodeJS.ProcessEnv, name: keyof typeof defaults, min: number, max: number): number {
  const raw = env[name] ?? defaults[name]
  const value = Number(raw)
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`)
  }
  return value
}

function flag(env: NodeJS.ProcessEnv, name: keyof typeof defaults): boolean {
  const raw = (env[name] ?? defaults[name]).trim().toLowerCase()
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true
  if (['0', 'false', 'off', 'no'].includes(raw)) return false
  throw new ConfigError(`${name} must be 1 or 0, got "${raw}"`)
}

function publicOrigin(env: NodeJS.ProcessEnv): string | null {
  const raw = (env.TRYGG_PUBLIC_ORIGIN ?? defaults.TRYGG_PUBLIC_ORIGIN).trim()
  if (!raw) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(`TRYGG_PUBLIC_ORIGIN must be an origin such as https://trygg.example.se, got "${raw}"`)
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.origin !== raw.replace(/\/$/, '')) {
    throw new ConfigError(`TRYGG_PUBLIC_ORIGIN must be an origin such as https://trygg.example.se (scheme, host and port only), got "${raw}"`)
  }
  return url.origin
}

function trustProxy(env: NodeJS.ProcessEnv): boolean | string {
  const raw = (env.TRYGG_TRUST_PROXY ?? defaults.TRYGG_TRUST_PROXY).trim().toLowerCase()
  if (['', '0', 'false', 'off', 'no'].includes(raw)) return false
  if (raw === 'true') return true
  const parts = raw.split(',').map((p) => p.trim())
  const valid = parts.every((p) => {
    const [ip, bits, extra] = p.split('/')
    return extra === undefined && net.isIP(ip ?? '') !== 0 && (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= 128))
  })
  if (!valid) throw new ConfigError(`TRYGG_TRUST_PROXY must be true, false or comma-separated proxy addresses/CIDRs, got "${raw}"`)
  return parts.join(',')
}

function cookieSecure(env: NodeJS.ProcessEnv): 'auto' | boolean {
  const raw = (env.TRYGG_COOKIE_SECURE ?? defaults.TRYGG_COOKIE_SECURE).trim().toLowerCase()
  if (raw === 'auto') return 'auto'
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true
  if (['0', 'false', 'off', 'no'].includes(raw)) return false
  throw new ConfigError(`TRYGG_COOKIE_SECURE must be auto, 1 or 0, got "${raw}"`)
}

function antibotSecret(env: NodeJS.ProcessEnv): string | null {
  const raw = (env.TRYGG_ANTIBOT_SECRET ?? defaults.TRYGG_ANTIBOT_SECRET).trim()
  if (!raw) return null
  if (raw.length < 32) throw new ConfigError('TRYGG_ANTIBOT_SECRET must be at least 32 characters (e.g. openssl rand -base64 32)')
  return raw
}

/**
 * Reads and checks the environment. Throws a ConfigError naming the variable on the first
 * invalid value, so the process stops at start-up rather than later.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const databaseUrl = env.DATABASE_URL?.trim() || null
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://')
  }
  const tileUrl = env.TRYGG_TILE_URL ?? defaults.TRYGG_TILE_URL
  if (!/^(https?:)?\/\/.+\{z\}.*\{x\}.*\{y\}/.test(tileUrl) && !tileUrl.startsWith('/')) {
    throw new ConfigError('TRYGG_TILE_URL must be a tile URL template with {z}, {x} and {y}')
  }
  const webDist = env.TRYGG_WEB_DIST ?? defaults.TRYGG_WEB_DIST
  const publicUrl = (env.TRYGG_PUBLIC_URL ?? defaults.TRYGG_PUBLIC_URL).trim().replace(/\/+$/, '')
  if (publicUrl && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(publicUrl)) {
    throw new ConfigError('TRYGG_PUBLIC_URL must be an http:// or https:// URL without query, e.g. https://trygg.example.se')
  }
  return Object.freeze({
    port: integer(env, 'PORT', 0, 65535),
    host: env.HOST ?? defaults.HOST,
    databaseUrl,
    dataDir: env.TRYGG_DATA_DIR ?? defaults.TRYGG_DATA_DIR,
    demo: flag(env, 'TRYGG_DEMO'),
    municipality: env.TRYGG_MUNICIPALITY?.trim() || null,
    logLevel: env.LOG_LEVEL ?? defaults.LOG_LEVEL,
    map: Object.freeze({
      tileUrl,
      attribution: env.TRYGG_TILE_ATTRIBUTION ?? defaults.TRYGG_TILE_ATTRIBUTION,
      maxZoom: integer(env, 'TRYGG_TILE_MAX_ZOOM', 1, 22),
    }),
    sensitiveMinCount: integer(env, 'TRYGG_SENSITIVE_MIN_COUNT', 1, 1000),
    sensitiveMaxZoom: integer(env, 'TRYGG_SENSITIVE_MAX_ZOOM', 0, 20),
    webDist: webDist === '' ? null : webDist,
    publicUrl: publicUrl || null,
    open311: Object.freeze({
      contact: env.TRYGG_OPEN311_CONTACT?.trim() || defaults.TRYGG_OPEN311_CONTACT,
      keyService: env.TRYGG_OPEN311_KEY_SERVICE?.trim() || defaults.TRYGG_OPEN311_KEY_SERVICE,
    }),
    publicOrigin: publicOrigin(env),
    trustProxy: trustProxy(env),
    session: Object.freeze({
      idleMinutes: integer(env, 'TRYGG_SESSION_IDLE_MINUTES', 1, 24 * 60),
      absoluteHours: integer(env, 'TRYGG_SESSION_ABSOLUTE_HOURS', 1, 24 * 7),
      cookieSecure: cookieSecure(env),
    }),
    policeEffectWeeks: integer(env, 'TRYGG_POLICE_EFFECT_WEEKS', 1, 52),
    nearbyRadiusM: integer(env, 'TRYGG_NEARBY_RADIUS_M', 1, 200),
    rateLimitPerMin: integer(env, 'TRYGG_RATE_LIMIT_PER_MIN', 0, 100_000),
    antibot: flag(env, 'TRYGG_ANTIBOT'),
    antibotSecret: antibotSecret(env),
    photoDir: photoDir(env),
    geocoder: Object.freeze(geocoder(env)),
    retentionDays: integer(env, 'TRYGG_RETENTION_DAYS', 1, 3650),
  })
}

function photoDir(env: NodeJS.ProcessEnv): string {
  const raw = (env.TRYGG_PHOTO_DIR ?? defaults.TRYGG_PHOTO_DIR).trim()
  if (raw) return path.resolve(raw)
  const dataDir = env.TRYGG_DATA_DIR ?? defaults.TRYGG_DATA_DIR
  return dataDir.startsWith('memory://') ? path.join(os.tmpdir(), 'trygg-photos') : path.resolve(dataDir, 'photos')
}

function geocoder(env: NodeJS.ProcessEnv): Config['geocoder'] {
  const raw = (env.TRYGG_GEOCODER_URL ?? defaults.TRYGG_GEOCODER_URL).trim()
  const off = ['', 'off', '0', 'false', 'no'].includes(raw.toLowerCase())
  if (!off && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(raw)) {
    throw new ConfigError(`TRYGG_GEOCODER_URL must be an http:// or https:// URL of a Nominatim-compatible service, or off; got "${raw}"`)
  }
  const userAgent = (env.TRYGG_GEOCODER_USER_AGENT ?? defaults.TRYGG_GEOCODER_USER_AGENT).trim()
  if (!userAgent) throw new ConfigError('TRYGG_GEOCODER_USER_AGENT must name this installation (the Nominatim usage policy requires it)')
  return {
    url: off ? null : raw.replace(/\/+$/, ''),
    userAgent,
    attribution: (env.TRYGG_GEOCODER_ATTRIBUTION ?? defaults.TRYGG_GEOCODER_ATTRIBUTION).trim() || defaults.TRYGG_GEOCODER_ATTRIBUTION,
  }
}
