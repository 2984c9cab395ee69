import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/i18n/locales';
import { translatorFor } from '../../app/i18n';
import { ActionButton } from '../../components/Buttons';
import { DraftMarker } from '../rights-card/DraftMarker';

/**
 * A calm pause: a short grounding text in the interviewee's language (and the officer's), and three
 * choices. Nothing of the interview is shown.
 */
export function DistressScreen({
  language,
  onContinue,
  onBreak,
  onStop,
}: {
  language: Locale;
  onContinue: () => void;
  onBreak: () => void;
  onStop: () => void;
}) {
  const { t } = useTranslation();
  const ti = translatorFor(language);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <section className="distress" data-testid="distress-screen" aria-labelledby="distress-title">
      <h1 id="distress-title" lang={language}>
        {ti('distress.title')}
      </h1>
      <p lang={language} className="grounding">
        {ti('distress.grounding')}
      </p>
      <p className="muted">{t('distress.grounding')}</p>
      <DraftMarker ns="common" keys={['distress.title', 'distress.grounding']} language={language} />
      <div className="row">
        <button ref={first} type="button" onClick={onContinue} data-testid="distress-continue">
          {t('distress.continue')} · <span lang={language}>{ti('distress.continue')}</span>
        </button>
        <ActionButton testId="distress-break" onClick={onBreak}>
          {t('distress.break')} · <span lang={language}>{ti('distress.break')}</span>
        </ActionButton>
        <ActionButton testId="distress-stop" onClick={onStop}>
          {t('distress.stop')} · <span lang={language}>{ti('distress.stop')}</span>
        </ActionButton>
      </div>
    </section>
  );
}
