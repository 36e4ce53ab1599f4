export type Language = 'sv' | 'en'

/**
 * The language of service names and notices: English when the Accept-Language header ranks
 * English above Swedish, else Swedish (the municipality's language).
 * @example languageOf('en-GB,en;q=0.9,sv;q=0.5') // 'en'
 */
export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'sv'
  let best: { lang: Language; q: number } = { lang: 'sv', q: 0 }
  for (const part of acceptLanguage.split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';')
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const q = qParam ? Number(qParam.slice(2)) : 1
    const base = tag?.split('-')[0]
    if ((base === 'sv' || base === 'en') && Number.isFinite(q) && q > best.q) best = { lang: base, q }
  }
  return best.lang
}
