import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preferences } from '../../shared/ipc/channels/app';
import { LanguageBar } from '../components/LanguageBar';
import { HomeScreen } from '../features/home/HomeScreen';
import { getApi } from './bridge';
import { applyDocumentLanguage } from './i18n';
import { installNavigationGuard } from './navigation-guard';

export function App({ initialPrefs }: { initialPrefs: Preferences }) {
  const { t, i18n } = useTranslation();
  const [prefs, setPrefs] = useState(initialPrefs);

  useEffect(() => installNavigationGuard(), []);

  const updatePrefs = async (patch: Partial<Preferences>) => {
    const reply = await getApi().call('prefs.set', patch);
    if (!reply.ok) return;
    setPrefs(reply.value);
    if (patch.uiLanguage) {
      await i18n.changeLanguage(reply.value.uiLanguage);
      applyDocumentLanguage(reply.value.uiLanguage);
    }
  };

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <LanguageBar prefs={prefs} onChange={updatePrefs} />
      </header>
      <main className="app-main" id="main">
        <HomeScreen prefs={prefs} />
      </main>
      <footer className="app-footer">
        {prefs.uiLanguage !== 'en' && (
          <span className="draft-badge" data-testid="draft-notice">
            {t('app.draftNotice')}
          </span>
        )}
      </footer>
    </div>
  );
}
