import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/i18n/locales';
import { type AnswerValue, declineReasonsFor, type Question } from '../../../shared/instrument';
import { translatorFor } from '../../app/i18n';
import { ZawgyiCheck } from '../../components/ZawgyiCheck';

/**
 * The answer choices for one question. Every question also offers "not sure" and "prefers not to
 * say", which never count against the person. Labels show in both languages.
 */
export function AnswerControls({
  question,
  current,
  intervieweeLanguage,
  disabled,
  onAnswer,
}: {
  question: Question;
  current: AnswerValue | undefined;
  intervieweeLanguage: Locale;
  disabled: boolean;
  onAnswer: (value: AnswerValue) => void;
}) {
  const { t } = useTranslation('instrument');
  const ti = translatorFor(intervieweeLanguage);
  const both = (key: string) => (
    <>
      <span>{t(key)}</span>
      <span lang={intervieweeLanguage} className="second-lang">
        {ti(`instrument:${key}`)}
      </span>
    </>
  );
  const chosen = (test: (v: AnswerValue) => boolean) =>
    current && test(current) ? 'choice chosen' : 'choice';

  const declines = (
    <div className="declines">
      <button
        type="button"
        className={chosen((v) => v.kind === 'declined' && v.reason === 'not_sure')}
        disabled={disabled}
        data-testid="answer-not_sure"
        onClick={() => onAnswer({ kind: 'declined', reason: 'not_sure' })}
      >
        {both('answers.not_sure')}
      </button>
      {declineReasonsFor(question).includes('prefer_not') && (
        <button
          type="button"
          className={chosen((v) => v.kind === 'declined' && v.reason === 'prefer_not')}
          disabled={disabled}
          data-testid="answer-prefer_not"
          onClick={() => onAnswer({ kind: 'declined', reason: 'prefer_not' })}
        >
          {both('answers.prefer_not')}
        </button>
      )}
    </div>
  );

  return (
    <div className="answer-controls">
      {question.kind === 'yesNo' && (
        <div className="choices">
          {(['yes', 'no'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className={chosen((c) => c.kind === 'choice' && c.value === v)}
              disabled={disabled}
              data-testid={`answer-${v}`}
              onClick={() => onAnswer({ kind: 'choice', value: v })}
            >
              {both(`answers.${v}`)}
            </button>
          ))}
        </div>
      )}
      {question.kind === 'single' && (
        <div className="choices options">
          {question.options.map((o) => (
            <button
              key={o.id}
              type="button"
              className={chosen((c) => c.kind === 'single' && c.option === o.id)}
              disabled={disabled}
              data-testid={`option-${o.id}`}
              onClick={() => onAnswer({ kind: 'single', option: o.id })}
            >
              {both(`options.${o.id}`)}
            </button>
          ))}
        </div>
      )}
      {question.kind === 'multi' && (
        <MultiChoice
          question={question}
          current={current}
          disabled={disabled}
          both={both}
          onAnswer={onAnswer}
        />
      )}
      {question.kind === 'number' && (
        <NumberInput question={question} current={current} disabled={disabled} onAnswer={onAnswer} />
      )}
      {question.kind === 'date' && <DateInput current={current} disabled={disabled} onAnswer={onAnswer} />}
      {question.kind === 'text' && (
        <TextInput
          maxLength={question.maxLength}
          current={current}
          disabled={disabled}
          intervieweeLanguage={intervieweeLanguage}
          onAnswer={onAnswer}
        />
      )}
      {declines}
    </div>
  );
}

function MultiChoice({
  question,
  current,
  disabled,
  both,
  onAnswer,
}: {
  question: Extract<Question, { kind: 'multi' }>;
  current: AnswerValue | undefined;
  disabled: boolean;
  both: (key: string) => React.ReactNode;
  onAnswer: (v: AnswerValue) => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string[]>(current?.kind === 'multi' ? current.options : []);
  return (
    <fieldset className="multi">
      {question.options.map((o) => (
        <label key={o.id} className="check">
          <input
            type="checkbox"
            checked={picked.includes(o.id)}
            disabled={disabled}
            data-testid={`option-${o.id}`}
            onChange={(e) =>
              setPicked(e.target.checked ? [...picked, o.id] : picked.filter((p) => p !== o.id))
            }
          />
          {both(`options.${o.id}`)}
        </label>
      ))}
      <button
        type="button"
        disabled={disabled || picked.length === 0}
        data-testid="answer-confirm"
        onClick={() => onAnswer({ kind: 'multi', options: picked })}
      >
        {t('interview.confirmAnswer')}
      </button>
    </fieldset>
  );
}

function NumberInput({
  question,
  current,
  disabled,
  onAnswer,
}: {
  question: Extract<Question, { kind: 'number' }>;
  current: AnswerValue | undefined;
  disabled: boolean;
  onAnswer: (v: AnswerValue) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(current?.kind === 'number' ? String(current.value) : '');
  const value = Number(text);
  const valid =
    text.trim() !== '' &&
    Number.isFinite(value) &&
    value >= question.min &&
    value <= question.max &&
    (!question.integer || Number.isInteger(value));
  return (
    <div className="inline-input">
      <input
        type="number"
        inputMode="numeric"
        min={question.min}
        max={question.max}
        value={text}
        disabled={disabled}
        aria-label={t('interview.numberAnswer')}
        data-testid="answer-number"
        onChange={(e) => setText(e.target.value)}
      />
      <button
        type="button"
        disabled={disabled || !valid}
        data-testid="answer-confirm"
        onClick={() => onAnswer({ kind: 'number', value })}
      >
        {t('interview.confirmAnswer')}
      </button>
      {text.trim() !== '' && !valid && (
        <span className="error" role="alert">
          {t('interview.numberRange', { min: question.min, max: question.max })}
        </span>
      )}
    </div>
  );
}

function DateInput({
  current,
  disabled,
  onAnswer,
}: {
  current: AnswerValue | undefined;
  disabled: boolean;
  onAnswer: (v: AnswerValue) => void;
}) {
  const { t } = useTranslation();
  const [iso, setIso] = useState(current?.kind === 'date' ? current.iso : '');
  const [year, setYear] = useState(current?.kind === 'approxDate' ? String(current.year) : '');
  const [month, setMonth] = useState(
    current?.kind === 'approxDate' && current.month ? String(current.month) : '',
  );
  const y = Number(year);
  const m = month ? Number(month) : undefined;
  const approxValid =
    Number.isInteger(y) && y >= 1900 && y <= 2200 && (m === undefined || (m >= 1 && m <= 12));
  return (
    <div className="date-inputs">
      <div className="inline-input">
        <input
          type="date"
          value={iso}
          disabled={disabled}
          aria-label={t('interview.exactDate')}
          onChange={(e) => setIso(e.target.value)}
        />
        <button type="button" disabled={disabled || !iso} onClick={() => onAnswer({ kind: 'date', iso })}>
          {t('interview.confirmAnswer')}
        </button>
      </div>
      <div className="inline-input">
        <span>{t('interview.approxDate')}</span>
        <input
          type="number"
          placeholder={t('interview.year')}
          aria-label={t('interview.year')}
          value={year}
          disabled={disabled}
          onChange={(e) => setYear(e.target.value)}
        />
        <input
          type="number"
          placeholder={t('interview.month')}
          aria-label={t('interview.month')}
          value={month}
          disabled={disabled}
          onChange={(e) => setMonth(e.target.value)}
        />
        <button
          type="button"
          disabled={disabled || !approxValid}
          onClick={() =>
            onAnswer(
              m === undefined ? { kind: 'approxDate', year: y } : { kind: 'approxDate', year: y, month: m },
            )
          }
        >
          {t('interview.confirmAnswer')}
        </button>
      </div>
    </div>
  );
}

function TextInput({
  maxLength,
  current,
  disabled,
  intervieweeLanguage,
  onAnswer,
}: {
  maxLength: number;
  current: AnswerValue | undefined;
  disabled: boolean;
  intervieweeLanguage: Locale;
  onAnswer: (v: AnswerValue) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(current?.kind === 'text' ? current.text : '');
  useEffect(() => {
    if (current?.kind === 'text') setText(current.text);
  }, [current]);
  return (
    <div className="text-answer">
      <textarea
        value={text}
        maxLength={maxLength}
        rows={3}
        disabled={disabled}
        lang={intervieweeLanguage}
        aria-label={t('interview.textAnswer')}
        data-testid="answer-text"
        onChange={(e) => setText(e.target.value)}
      />
      <ZawgyiCheck text={text} onConvert={setText} />
      <button
        type="button"
        disabled={disabled || text.trim() === ''}
        data-testid="answer-confirm"
        onClick={() => onAnswer({ kind: 'text', text: text.normalize('NFC') })}
      >
        {t('interview.confirmAnswer')}
      </button>
    </div>
  );
}
