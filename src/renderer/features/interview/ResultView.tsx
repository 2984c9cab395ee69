import { useTranslation } from 'react-i18next';
import {
  describeAnswer,
  elementNameKey,
  findQuestion,
  INSTRUMENT,
  indicatorNameKey,
  thaiNameKey,
} from '../../../shared/instrument';
import type { EvidenceRef, ScreeningResult } from '../../../shared/screening';
import { recordedText, type Wordings } from './recorded-wording';

/**
 * The screening result in the officer's language: every finding with the answers behind it, each
 * question in the wording it was asked in.
 */
export function ResultView({ result, wordings }: { result: ScreeningResult; wordings: Wordings }) {
  const { t, i18n } = useTranslation('instrument');
  const evidence = (refs: readonly EvidenceRef[]) => (
    <ul className="evidence">
      {refs.map((r) => {
        const q = findQuestion(INSTRUMENT, r.questionId);
        return (
          <li key={r.questionId}>
            <span className="muted" data-testid="evidence-wording">
              {q ? recordedText(q, wordings[r.questionId], i18n.language, t) : r.questionId}
            </span>{' '}
            <strong>{describeAnswer(r.value, t)}</strong>
          </li>
        );
      })}
    </ul>
  );
  const s6 = result.thaiLaw.s6;
  const s61 = result.thaiLaw.s6_1;
  return (
    <div className="result" data-testid="result">
      <div
        className={`recommendation rec-${result.recommendation.code}`}
        data-testid="recommendation"
        data-code={result.recommendation.code}
      >
        <h2>{t(result.recommendation.messageKey)}</h2>
        <p>{t(result.recommendation.explanationKey)}</p>
      </div>
      <p className="muted">{t('result.disclaimer')}</p>
      {result.urgent.flagged && (
        <ul className="urgent-list">
          {result.urgent.messageKeys.map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
      )}
      <h3>{t('frameworks.thai')}</h3>
      <table className="law">
        <tbody>
          {(['act', 'means', 'purpose'] as const).map((part) => (
            <tr key={part}>
              <th scope="row">{t(`thai.s6.${part}.name`)}</th>
              <td>{s6[part].present ? '✔' : '—'}</td>
              <td>{s6[part].findings.map((f) => t(thaiNameKey(f.code))).join('; ')}</td>
            </tr>
          ))}
          {(['work', 'means', 'involuntary'] as const).map((part) => (
            <tr key={part}>
              <th scope="row">{t(`thai.s6_1.${part}.name`)}</th>
              <td>{s61[part].present ? '✔' : '—'}</td>
              <td>{s61[part].findings.map((f) => t(thaiNameKey(f.code))).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('frameworks.ilo_fl')}</h3>
      {result.indicators.filter((i) => i.framework === 'ilo_fl').length === 0 && <p className="muted">—</p>}
      {result.indicators
        .filter((i) => i.framework === 'ilo_fl')
        .map((i) => (
          <div key={i.code} className="finding" data-testid="finding" data-code={i.code}>
            <h4>
              {t(indicatorNameKey(i.code))} <span className="muted">({t(`strength.${i.strength}`)})</span>
            </h4>
            {evidence(i.evidence)}
          </div>
        ))}
      <h3>{t('frameworks.ilo_ec')}</h3>
      {result.elements.filter((e) => e.present).length === 0 && <p className="muted">—</p>}
      {result.elements
        .filter((e) => e.present)
        .map((e) => (
          <div key={e.code} className="finding" data-testid="element" data-code={e.code}>
            <h4>{t(elementNameKey(e.code))}</h4>
            {evidence(e.evidence)}
          </div>
        ))}
    </div>
  );
}
