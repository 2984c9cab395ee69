import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../app/call';

/** "Copy diagnostic report": redacted by main (versions, counts, log events); shown so it can be read first. */
export function DiagnosticsButton() {
  const { t } = useTranslation();
  const [report, setReport] = useState<{ text: string; copied: boolean } | null>(null);
  return (
    <span className="diagnostics">
      <button
        type="button"
        className="link"
        data-testid="diagnostics"
        onClick={async () => {
          const reply = await call('app.diagnostics', {});
          if (reply.ok) setReport(reply.value);
        }}
      >
        {t('app.diagnostics')}
      </button>
      {report && (
        <div className="panel diagnostics-report" role="status">
          <p>{report.copied ? t('app.diagnosticsCopied') : t('app.diagnosticsShown')}</p>
          <pre data-testid="diagnostics-text">{report.text}</pre>
          <button type="button" className="secondary" onClick={() => setReport(null)}>
            {t('actions.close')}
          </button>
        </div>
      )}
    </span>
  );
}
