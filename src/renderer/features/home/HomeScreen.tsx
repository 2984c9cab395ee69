import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preferences } from '../../../shared/ipc/channels/app';
import { getApi } from '../../app/bridge';
import { translatorFor } from '../../app/i18n';

export function HomeScreen({ prefs }: { prefs: Preferences }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState<string | null>(null);
  const tInterviewee = translatorFor(prefs.intervieweeLanguage);

  useEffect(() => {
    void getApi()
      .call('app.info', {})
      .then((r) => r.ok && setVersion(r.value.version));
  }, []);

  return (
    <section className="panel" aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p data-testid="home-intro">{t('home.intro')}</p>
      <h2>{t('home.languagesTitle')}</h2>
      <p>{t('home.languagesHelp')}</p>
      <div className="bilingual">
        <p lang={prefs.uiLanguage} data-testid="sample-officer">
          {t('home.sample')}
        </p>
        <p lang={prefs.intervieweeLanguage} data-testid="sample-interviewee">
          {tInterviewee('home.sample')}
        </p>
      </div>
      {version && <p className="muted">{t('home.version', { version })}</p>}
    </section>
  );
}
