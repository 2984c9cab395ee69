import { hashText, type ReviewStep } from '../../shared/i18n/review';
import { type Catalog, localeSource, TARGET_LOCALES, type TargetLocale } from './catalog';
import { statusOf } from './status';

/** A string a translator or reviewer checked once, with what changed since. */
export interface StaleString {
  lng: TargetLocale;
  ns: string;
  key: string;
  /** The latest step that no longer matches: the review if there was one, else the translation. */
  step: 'translated' | 'reviewed';
  by: string;
  at: string;
  /** The English that person saw; undefined when it was not recorded (reviews from before 2026-12). */
  englishThen: string | undefined;
  englishNow: string;
  /** True when the English is unchanged and only the translation was edited since. */
  onlyTranslationChanged: boolean;
}

export function staleStrings(catalog: Catalog, lng?: TargetLocale): StaleString[] {
  const out: StaleString[] = [];
  for (const l of lng ? [lng] : TARGET_LOCALES)
    for (const ns of catalog.namespaces)
      for (const [key, englishNow] of localeSource(catalog, l, ns)) {
        const { status, entry } = statusOf(catalog, l, ns, key);
        if (status !== 'stale' || !entry) continue;
        const [step, seen] = (
          entry.reviewed ? ['reviewed', entry.reviewed] : ['translated', entry.translated]
        ) as [StaleString['step'], ReviewStep];
        const texts = catalog.statuses.sourceTexts;
        out.push({
          lng: l,
          ns,
          key,
          step,
          by: seen.by,
          at: seen.at,
          englishThen: Object.hasOwn(texts, seen.sourceHash) ? texts[seen.sourceHash] : undefined,
          englishNow,
          onlyTranslationChanged: seen.sourceHash === hashText(englishNow),
        });
      }
  return out;
}
