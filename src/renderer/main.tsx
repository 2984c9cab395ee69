import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { getApi } from './app/bridge';
import { initI18n } from './app/i18n';
import './styles/fonts.css';
import './styles/app.css';

async function boot() {
  const api = getApi();
  const prefs = await api.call('prefs.get', {});
  const uiLanguage = prefs.ok ? prefs.value.uiLanguage : 'th';
  const intervieweeLanguage = prefs.ok ? prefs.value.intervieweeLanguage : 'my';
  await initI18n(uiLanguage, intervieweeLanguage);
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App initialPrefs={prefs.ok ? prefs.value : { uiLanguage, intervieweeLanguage }} />
    </StrictMode>,
  );
}

void boot();
