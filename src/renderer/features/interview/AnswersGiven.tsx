import { useTranslation } from 'react-i18next';
import { type Answers, describeAnswer, findQuestion, INSTRUMENT } from '../../../shared/instrument';
import { ActionButton } from '../../components/Buttons';
import { recordedText, type Wordings } from './recorded-wording';

/**
 * The answers given so far, each under the wording it was asked in (a later answer, such as the age,
 * never rewrites an earlier question). Answers of this interview can be changed.
 */
export function AnswersGiven({
  ids,
  answers,
  own,
  wordings,
  open,
  canChange,
  onChange,
}: {
  ids: readonly string[];
  answers: Answers;
  own: Answers;
  wordings: Wordings;
  open: boolean;
  canChange: boolean;
  onChange: (questionId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { t: ti } = useTranslation('instrument');
  if (ids.length === 0) return null;
  return (
    <details className="given" open={open}>
      <summary>{t('interview.alreadyGiven', { count: ids.length })}</summary>
      <ol>
        {ids.map((id) => {
          const q = findQuestion(INSTRUMENT, id);
          const v = answers[id];
          if (!q || !v) return null;
          return (
            <li key={id} data-testid="given" data-question-id={id}>
              <span data-testid="given-wording">{recordedText(q, wordings[id], i18n.language, ti)}</span>{' '}
              <strong>{describeAnswer(v, ti)}</strong>
              {canChange && own[id] !== undefined && (
                <ActionButton look="link" onClick={() => onChange(id)}>
                  {t('interview.change')}
                </ActionButton>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
