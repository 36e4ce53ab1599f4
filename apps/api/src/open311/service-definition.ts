import { TIME_OF_DAY_LABELS, TIMES_OF_DAY, type Open311Attribute, type TimeOfDay } from '@trygg/domain'
import type { Language } from './language.ts'

export const DAY_TYPES = ['weekday', 'weekend', 'both'] as const
export type DayType = (typeof DAY_TYPES)[number]

const SEVERITY_NAMES: Record<Language, readonly string[]> = {
  sv: ['Lite otrygg', 'Något otrygg', 'Ganska otrygg', 'Otrygg', 'Mycket otrygg'],
  en: ['A little unsafe', 'Somewhat unsafe', 'Fairly unsafe', 'Unsafe', 'Very unsafe'],
}

const DAY_TYPE_NAMES: Record<Language, Record<DayType, string>> = {
  sv: { weekday: 'Vardagar', weekend: 'Helger', both: 'Alla dagar' },
  en: { weekday: 'Weekdays', weekend: 'Weekends', both: 'Every day' },
}

const TEXT = {
  sv: {
    severity: 'Hur otrygg känner du dig där?',
    severityHelp: '1 (lite otrygg) till 5 (mycket otrygg)',
    times: 'När på dygnet känns platsen otrygg?',
    timesHelp: 'Ett eller flera värden',
    days: 'Vilka dagar känns platsen otrygg?',
  },
  en: {
    severity: 'How unsafe do you feel there?',
    severityHelp: '1 (a little unsafe) to 5 (very unsafe)',
    times: 'At what times of day does the place feel unsafe?',
    timesHelp: 'One or more values',
    days: 'On which days does the place feel unsafe?',
  },
} as const

/**
 * The attributes every service (category) has: how unsafe (required, 1–5), when (required,
 * one or more times of day) and on which days (optional). A pin needs the first two.
 */
export function serviceAttributes(lang: Language): Open311Attribute[] {
  const t = TEXT[lang]
  return [
    {
      variable: true,
      code: 'severity',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: t.severityHelp,
      order: 1,
      description: t.severity,
      values: SEVERITY_NAMES[lang].map((name, i) => ({ key: i + 1, name })),
    },
    {
      variable: true,
      code: 'times_of_day',
      datatype: 'multivaluelist',
      required: true,
      datatype_description: t.timesHelp,
      order: 2,
      description: t.times,
      values: TIMES_OF_DAY.map((key) => ({ key, name: TIME_OF_DAY_LABELS[key][lang] })),
    },
    {
      variable: true,
      code: 'day_type',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: null,
      order: 3,
      description: t.days,
      values: DAY_TYPES.map((key) => ({ key, name: DAY_TYPE_NAMES[lang][key] })),
    },
  ]
}

export interface PinAttributes {
  severity: number
  timesOfDay: TimeOfDay[]
  dayType: DayType | null
}

const ATTRIBUTE_FIELD = /^attribute\[([^\]]+)\](\[\])?$/

/**
 * Reads `attribute[code]=value` and `attribute[code][]=value` form fields against the
 * definitions. Returns the values by code, and a problem per unknown code, missing required
 * attribute, extra value of a single value list, or value outside a list.
 */
export function readAttributes(form: Record<string, unknown>, definitions: Open311Attribute[]): { values: Map<string, string[]>; problems: string[] } {
  const given = new Map<string, string[]>()
  for (const [field, raw] of Object.entries(form)) {
    const m = ATTRIBUTE_FIELD.exec(field)
    if (!m) continue
    const list = (Array.isArray(raw) ? raw : [raw]).map((v) => String(v).trim()).filter((v) => v !== '')
    if (list.length) given.set(m[1]!, [...(given.get(m[1]!) ?? []), ...list])
  }
  const problems: string[] = []
  const byCode = new Map(definitions.map((d) => [d.code, d]))
  for (const code of given.keys()) {
    if (!byCode.has(code)) problems.push(`Unknown attribute "${code}"; this service takes ${definitions.map((d) => d.code).join(', ')}.`)
  }
  const values = new Map<string, string[]>()
  for (const d of [...definitions].sort((a, b) => a.order - b.order)) {
    const list = [...new Set(given.get(d.code) ?? [])]
    const keys = d.values.map((v) => String(v.key))
    if (!list.length) {
      if (d.required) problems.push(`attribute[${d.code}] is required: ${d.description} (${describeValues(d)}).`)
      continue
    }
    if (d.datatype === 'singlevaluelist' && list.length > 1) {
      problems.push(`attribute[${d.code}] takes one value; got ${list.length}: ${list.join(', ')}.`)
      continue
    }
    const outside = list.filter((v) => !keys.includes(v))
    if (outside.length) {
      problems.push(`attribute[${d.code}] must be ${d.datatype === 'multivaluelist' ? 'one or more of' : 'one of'} ${keys.join(', ')}; got ${outside.map((v) => `"${v}"`).join(', ')}.`)
      continue
    }
    values.set(d.code, list)
  }
  return { values, problems }
}

function describeValues(d: Open311Attribute): string {
  return `${d.datatype === 'multivaluelist' ? 'one or more of' : 'one of'} ${d.values.map((v) => v.key).join(', ')}`
}

/** The pin's fields from attribute values that `readAttributes` accepted for `serviceAttributes`. */
export function toPinAttributes(values: Map<string, string[]>): PinAttributes {
  return {
    severity: Number(values.get('severity')![0]),
    timesOfDay: TIMES_OF_DAY.filter((t) => values.get('times_of_day')!.includes(t)),
    dayType: (values.get('day_type')?.[0] as DayType | undefined) ?? null,
  }
}
