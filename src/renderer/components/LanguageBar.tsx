import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALE_NATIVE_NAMES, LOCALES, type Locale } from '../../shared/i18n/locales';
import type { Preferences } from '../../shared/ipc/channels/app';

/** The two separate language settings: the officer's UI language and the interviewee's language. */
export function LanguageBar({
  prefs,
  onChange,
}: {
  prefs: Preferences;
  onChange: (patch: Partial<Preferences>) => void;
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
        value={prefs.uiLanguage}
        onChange={(e) => onChange({ uiLanguage: e.target.value as Locale })}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NATIVE_NAMES[l]}
          </option>
        ))}
      </select>
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
    </div>
  );
}
