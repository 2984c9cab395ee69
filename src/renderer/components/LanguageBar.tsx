import i18next from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALE_NATIVE_NAMES, LOCALES, type Locale } from '../../shared/i18n/locales';
import { PSEUDO_LOCALE } from '../../shared/i18n/pseudo';
import type { Preferences } from '../../shared/ipc/channels/app';
import { pseudoLocaleEnabled } from '../app/i18n';

/** The two separate language settings: the officer's UI language and the interviewee's language. */
export function LanguageBar({
  prefs,
  onChange,
  showInterviewee = true,
}: {
  prefs: Preferences;
  onChange: (patch: Partial<Preferences>) => void;
  /** Off during an interview: its language was chosen when it started, and this default does not change it. */
  showInterviewee?: boolean;
}) {
  const { t } = useTranslation();
  const uiId = useId();
  const ivId = useId();
  return (
    <div className="language-bar">
      <label htmlFor={uiId}>{t('header.uiLanguage')}</label>
      <select
        id={uiId}
        data-testid="ui-language"
        value={i18next.language === PSEUDO_LOCALE ? PSEUDO_LOCALE : prefs.uiLanguage}
        onChange={(e) => {
          // The pseudo-locale is a layout check, switched in the page only and never saved.
          if (e.target.value === PSEUDO_LOCALE) void i18next.changeLanguage(PSEUDO_LOCALE);
          else onChange({ uiLanguage: e.target.value as Locale });
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NATIVE_NAMES[l]}
          </option>
        ))}
        {pseudoLocaleEnabled() && (
          <option value={PSEUDO_LOCALE} lang="en">
            [Ƥşḗḗŭŭḓǿǿ]
          </option>
        )}
      </select>
      {showInterviewee && (
        <>
          <label htmlFor={ivId}>{t('header.intervieweeLanguage')}</label>
          <select
            id={ivId}
            data-testid="interviewee-language"
            value={prefs.intervieweeLanguage}
            onChange={(e) => onChange({ intervieweeLanguage: e.target.value as Locale })}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NATIVE_NAMES[l]}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
