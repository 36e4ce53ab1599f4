import { XMLBuilder } from 'fast-xml-parser'
import type { PublicActionItem } from '@trygg/domain'

export interface AtomFeedInput {
  /** Absolute URL of the site, without a trailing slash, e.g. `https://trygg.kavlinge.se`. */
  baseUrl: string
  municipality: { slug: string; name: string }
  /** Completed public items, newest first. */
  items: readonly PublicActionItem[]
  /** When the feed was generated; its `updated` when there are no items. */
  now: Date
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', processEntities: true, suppressEmptyNode: true })

/** Characters XML 1.0 cannot carry, even escaped. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
const text = (s: string) => s.replace(NOT_XML, '')

/**
 * An Atom 1.0 feed (RFC 4287) of completed actions: one entry per item with a stable tag URI
 * id, its completion time as `updated`, the public note as `summary` and a link to /resultat.
 */
export function atomFeed({ baseUrl, municipality, items, now }: AtomFeedInput): string {
  const host = new URL(baseUrl).hostname
  const results = `${baseUrl}/resultat`
  const updated = items.reduce((latest, i) => (i.completedAt && i.completedAt > latest ? i.completedAt : latest), '')
  const feed = {
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:lang': 'sv',
      id: `tag:${host},2026:${municipality.slug}:results`,
      title: text(`Genomförda åtgärder – ${municipality.name}`),
      subtitle: 'Åtgärder från den digitala trygghetsvandringen som har genomförts',
      updated: updated || now.toISOString(),
      author: { name: text(`${municipality.name} kommun`) },
      link: [
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': `${baseUrl}/api/results/feed.atom` },
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': results },
      ],
      generator: 'Trygg',
      entry: items.map((i) => ({
        id: `tag:${host},2026:${municipality.slug}:action-item:${i.id}`,
        title: text(i.title),
        updated: i.completedAt ?? i.updatedAt,
        link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': `${results}#atgard-${i.id}` },
        category: { '@_term': i.focusArea.key, '@_label': text(i.focusArea.labelSv) },
        summary: text(i.publicNote ?? `${i.focusArea.labelSv}: genomförd.`),
      })),
    },
  }
  return builder.build(feed)
}
