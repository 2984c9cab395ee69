import { useTranslation } from 'react-i18next';
import { type AnswerValue, findQuestion, INSTRUMENT, questionTextKey } from '../../../shared/instrument';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { SaveState } from './useInterviewRecord';

const CHOICES: readonly {
  testId: string;
  value: AnswerValue;
  key: 'answers.yes' | 'answers.no' | 'answers.not_sure';
}[] = [
  { testId: 'yes', value: { kind: 'choice', value: 'yes' }, key: 'answers.yes' },
  { testId: 'no', value: { kind: 'choice', value: 'no' }, key: 'answers.no' },
  { testId: 'not-sure', value: { kind: 'declined', reason: 'not_sure' }, key: 'answers.not_sure' },
];

function same(a: AnswerValue | undefined, b: AnswerValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The officer's closing checks on a stopped interview (the rights card handed over, the rights
 * explained): recorded as answers of the interview without reopening the screening questions, and
 * shown as saved only once main has committed them. Yes/no checks only, with "not sure".
 */
export function ClosingChecks({
  questionIds,
  answers,
  saveStates,
  onAnswer,
}: {
  questionIds: readonly string[];
  answers: Readonly<Record<string, AnswerValue>>;
  saveStates: Readonly<Record<string, SaveState>>;
  onAnswer: (questionId: string, value: AnswerValue) => void;
}) {
  const { t } = useTranslation();
  const { t: ti } = useTranslation('instrument');
  const checks = questionIds.flatMap((id) => {
    const q = findQuestion(INSTRUMENT, id);
    return q?.kind === 'yesNo' ? [q] : [];
  });
  if (checks.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="closing-checks-title" data-testid="closing-checks">
      <h2 id="closing-checks-title">{t('interview.closingChecks')}</h2>
      <p className="muted">{t('interview.closingChecksExplain')}</p>
      {checks.map((q) => {
        const state = saveStates[q.id];
        const current = state?.kind === 'failed' ? state.value : answers[q.id];
        return (
          <fieldset key={q.id} data-testid={`closing-${q.id}`}>
            <legend>{ti(questionTextKey(q))}</legend>
            <div className="choices">
              {CHOICES.map((c) => (
                <button
                  key={c.testId}
                  type="button"
                  className={same(current, c.value) ? 'choice chosen' : 'choice'}
                  aria-pressed={same(current, c.value)}
                  disabled={state?.kind === 'saving'}
                  data-testid={`closing-${q.id}-${c.testId}`}
                  onClick={() => onAnswer(q.id, c.value)}
                >
                  {ti(c.key)}
                </button>
              ))}
            </div>
            <p
              className="save-state"
              aria-live="polite"
              data-testid={`closing-${q.id}-state`}
              data-state={state?.kind ?? 'none'}
            >
              {state?.kind === 'saving' && t('interview.saving')}
              {state?.kind === 'saved' && t('interview.saved')}
            </p>
            {state?.kind === 'failed' && <ErrorMessage error={state.error} />}
          </fieldset>
        );
      })}
    </section>
  );
}
