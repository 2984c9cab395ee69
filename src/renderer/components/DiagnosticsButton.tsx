import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../app/call';
import { ActionButton } from './Buttons';

/** "Copy diagnostic report": redacted by main (versions, counts, log events); shown so it can be read first. */
export function DiagnosticsButton() {
  const { t } = useTranslation();
  const [report, setReport] = useState<{ text: string; copied: boolean } | null>(null);
  return (
    <span className="diagnostics">
      <ActionButton
        look="link"
        testId="diagnostics"
        onClick={async () => {
          const reply = await call('app.diagnostics', {});
          if (reply.ok) setReport(reply.value);
        }}
      >
        {t('app.diagnostics')}
      </ActionButton>
      {report && (
        <div className="panel diagnostics-report" role="status">
          <p>{report.copied ? t('app.diagnosticsCopied') : t('app.diagnosticsShown')}</p>
          <pre data-testid="diagnostics-text">{report.text}</pre>
          <ActionButton onClick={() => setReport(null)}>{t('actions.close')}</ActionButton>
        </div>
      )}
    </span>
  );
}
