import type { Open311ServiceRequest } from '@trygg/domain'
import type { PinActionNote } from '../actions/public-actions.queries.ts'
import type { CategoryRow } from '../municipality/municipality.queries.ts'
import type { Language } from './language.ts'
import { STATUS_OF, type RequestRow } from './requests.queries.ts'
import { categoryName } from './services.ts'
import { formatInZone } from './zoned-time.ts'

const round7 = (v: number) => Math.round(v * 1e7) / 1e7

/**
 * A pin as a GeoReport service request: status open or closed, times in the municipality's
 * zone with its offset, the comment only once approved. A pin of a sensitive category has
 * no position and no description, so no single report of one can be placed on a map.
 * Status notes (the action's title and public note) and the responsible agency come from the
 * public action item the pin is linked to, when there is one; otherwise null.
 */
export function toServiceRequest(row: RequestRow, category: CategoryRow, timeZone: string, lang: Language, action?: PinActionNote): Open311ServiceRequest {
  const open = !category.sensitive
  return {
    service_request_id: row.id,
    status: STATUS_OF[row.status],
    status_notes: action ? (action.publicNote ? `${action.title}: ${action.publicNote}` : action.title) : null,
    service_name: categoryName(category, lang),
    service_code: category.key,
    description: open && row.comment_state === 'approved' ? row.comment : null,
    agency_responsible: action ? (action.partnerOrganisation ?? (lang === 'en' ? action.organisationEn : action.organisationSv)) : null,
    service_notice: null,
    requested_datetime: formatInZone(row.created_at, timeZone),
    updated_datetime: formatInZone(row.updated_at, timeZone),
    address: null,
    address_id: null,
    zipcode: null,
    ...(open ? { lat: round7(row.lat), long: round7(row.lon) } : {}),
  }
}
