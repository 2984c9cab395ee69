import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/i18n/locales';
import { translatorFor } from '../../app/i18n';
import { reviewStateOf } from '../../app/review-status';

/**
 * "Draft translation" beside text shown to the person, when any of its strings in the person's
 * language has not been reviewed by a qualified translator: the officer and the interpreter check the
 * meaning before relying on it. Shown in the officer's language and in the person's.
 */
export function DraftMarker({
  ns,
  keys,
  language,
}: {
  ns: string;
  keys: readonly string[];
  language: Locale;
}) {
  const { t, i18n } = useTranslation();
  const draft = keys.some((key) => !['reviewed', 'source'].includes(reviewStateOf(language, ns, key)));
  if (!draft) return null;
  const officer = t('draftMarker.text');
  const person = translatorFor(language)('common:draftMarker.text');
  return (
    <p className="review-marker" data-testid="draft-marker">
      {officer}
      {language !== i18n.language && person !== officer && (
        <>
          {' · '}
          <span lang={language}>{person}</span>
        </>
      )}
    </p>
  );
}
