import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../app/call';
import { ActionButton } from './Buttons';

const MYANMAR = /[\u1000-\u109F]/;

/** Offers a Unicode conversion when Burmese text looks like Zawgyi, before anything is saved. */
export function ZawgyiCheck({ text, onConvert }: { text: string; onConvert: (unicode: string) => void }) {
  const { t } = useTranslation();
  const [suggestion, setSuggestion] = useState<string | null>(null);
  useEffect(() => {
    if (!MYANMAR.test(text)) {
      setSuggestion(null);
      return;
    }
    let live = true;
    const handle = setTimeout(async () => {
      const reply = await call('text.zawgyiCheck', { text });
      if (!live || !reply.ok) return;
      setSuggestion(
        reply.value.zawgyiProbability > 0.95 && reply.value.unicode !== text ? reply.value.unicode : null,
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(handle);
    };
  }, [text]);
  if (!suggestion) return null;
  return (
    <div className="notice" role="status" data-testid="zawgyi-notice">
      <p>{t('interview.zawgyiDetected')}</p>
      <p lang="my" className="second-lang">
        {suggestion}
      </p>
      <ActionButton testId="zawgyi-convert" onClick={() => onConvert(suggestion)}>
        {t('interview.zawgyiConvert')}
      </ActionButton>
    </div>
  );
}
