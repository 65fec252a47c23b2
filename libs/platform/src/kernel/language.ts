/** The languages Kith speaks: the member app's screens, nudges, catalogue labels. */
export type Language = 'en' | 'es';

/**
 * The language an HTTP caller reads, from its Accept-Language header: the first language range
 * Kith speaks by preference order (q values honoured), English otherwise.
 */
export function languageFrom(acceptLanguage: string | undefined | null): Language {
  if (!acceptLanguage) return 'en';
  const ranges = acceptLanguage
    .slice(0, 200)
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges)
    if (range.primary === 'es' || range.primary === 'en') return range.primary;
  return 'en';
}
