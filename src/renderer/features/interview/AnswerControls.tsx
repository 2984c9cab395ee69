import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/i18n/locales';
import {
  type AnswerValue,
  type DeclineReason,
  declineReasonsFor,
  exclusiveOptionIds,
  type Question,
} from '../../../shared/instrument';
import { translatorFor } from '../../app/i18n';
import type { UiKey } from '../../app/i18n-key';
import { onSubmitting } from '../../components/form-submit';
import { ZawgyiCheck } from '../../components/ZawgyiCheck';
import { AnswerPictogram, type PictogramKind } from './AnswerPictogram';
import { DECLINE_KEYS, hasCommandModifier, keyBelongsToField, shortcutAction } from './answer-shortcuts';

/**
 * Who the answers are shown to: the officer sees both languages and the keyboard shortcuts; the person
 * sees their own language only, large, with pictograms for the universal answers.
 */
export type AnswerView = 'officer' | 'person';

type Translate = (key: UiKey, values?: Record<string, unknown>) => string;

interface Props {
  question: Question;
  current: AnswerValue | undefined;
  intervieweeLanguage: Locale;
  disabled: boolean;
  onAnswer: (value: AnswerValue) => void;
  view?: AnswerView;
}

/**
 * The answer choices for one question, right under it. Every question offers "not sure"; the person's
 * questions also "prefers not to say" (neither ever counts against the person). Keys: 1-9 pick an
 * answer (tick one, on a multi-choice question, then Enter), N "not sure", P "prefers not to say".
 * An option that excludes the others ("Nothing like this") clears them, and the others clear it.
 */
export function AnswerControls({
  question,
  current,
  intervieweeLanguage,
  disabled,
  onAnswer,
  view = 'officer',
}: Props) {
  const { t } = useTranslation('instrument');
  const { t: tOfficer } = useTranslation();
  const ti = translatorFor(intervieweeLanguage);
  // The labels of the controls themselves (confirm, number field) in the language of whoever sees them.
  const tc: Translate =
    view === 'person'
      ? (key, values) => String(ti(key, values ?? {}))
      : (key, values) => tOfficer(key, values ?? {});
  const declines = declineReasonsFor(question);
  const [picked, setPicked] = useState<string[]>(current?.kind === 'multi' ? current.options : []);
  const exclusive = exclusiveOptionIds(question);

  const toggle = (id: string) =>
    setPicked((now) => {
      if (now.includes(id)) return now.filter((p) => p !== id);
      return exclusive.includes(id) ? [id] : [...now.filter((p) => !exclusive.includes(p)), id];
    });

  // The latest handlers, for the one key listener below.
  const latest = useRef({ question, declines, disabled, picked, onAnswer, toggle });
  latest.current = { question, declines, disabled, picked, onAnswer, toggle };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { question: q, declines: d, disabled: off, picked: p, onAnswer: answer } = latest.current;
      if (off || event.defaultPrevented || hasCommandModifier(event)) return;
      if (keyBelongsToField(event.target, event.key)) return;
      const action = shortcutAction(event.key, q, d);
      if (!action) return;
      event.preventDefault();
      if (action.kind === 'decline') answer({ kind: 'declined', reason: action.reason });
      else if (action.kind === 'confirm') {
        if (p.length > 0) answer({ kind: 'multi', options: p });
      } else if (q.kind === 'yesNo') answer({ kind: 'choice', value: action.index === 0 ? 'yes' : 'no' });
      else if (q.kind === 'single') {
        const option = q.options[action.index];
        if (option) answer({ kind: 'single', option: option.id });
      } else if (q.kind === 'multi') {
        const option = q.options[action.index];
        if (option) latest.current.toggle(option.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const label = (key: string, icon?: PictogramKind): ReactNode =>
    view === 'person' ? (
      <>
        {icon && <AnswerPictogram kind={icon} />}
        <span lang={intervieweeLanguage}>{ti(`instrument:${key}`)}</span>
      </>
    ) : (
      <>
        <span>{t(key)}</span>
        <span lang={intervieweeLanguage} className="second-lang">
          {ti(`instrument:${key}`)}
        </span>
      </>
    );
  const hint = (key: string) =>
    view === 'officer' ? (
      <span className="key-hint" aria-hidden="true">
        {key}
      </span>
    ) : null;
  const chosen = (test: (v: AnswerValue) => boolean) =>
    current && test(current) ? 'choice chosen' : 'choice';
  const declineButton = (reason: DeclineReason) => (
    <button
      key={reason}
      type="button"
      className={chosen((v) => v.kind === 'declined' && v.reason === reason)}
      disabled={disabled}
      aria-keyshortcuts={view === 'officer' ? DECLINE_KEYS[reason] : undefined}
      data-testid={`answer-${reason}`}
      onClick={() => onAnswer({ kind: 'declined', reason })}
    >
      {hint(DECLINE_KEYS[reason])}
      {label(`answers.${reason}`, reason)}
    </button>
  );

  return (
    <div className={`answer-controls view-${view}`}>
      {question.kind === 'yesNo' && (
        <div className="choices">
          {(['yes', 'no'] as const).map((v, i) => (
            <button
              key={v}
              type="button"
              className={chosen((c) => c.kind === 'choice' && c.value === v)}
              disabled={disabled}
              aria-keyshortcuts={view === 'officer' ? String(i + 1) : undefined}
              data-testid={`answer-${v}`}
              onClick={() => onAnswer({ kind: 'choice', value: v })}
            >
              {hint(String(i + 1))}
              {label(`answers.${v}`, v)}
            </button>
          ))}
        </div>
      )}
      {question.kind === 'single' && (
        <div className="choices options">
          {question.options.map((o, i) => (
            <button
              key={o.id}
              type="button"
              className={chosen((c) => c.kind === 'single' && c.option === o.id)}
              disabled={disabled}
              aria-keyshortcuts={view === 'officer' && i < 9 ? String(i + 1) : undefined}
              data-testid={`option-${o.id}`}
              onClick={() => onAnswer({ kind: 'single', option: o.id })}
            >
              {i < 9 && hint(String(i + 1))}
              {label(`options.${o.id}`)}
            </button>
          ))}
        </div>
      )}
      {question.kind === 'multi' && (
        <MultiChoice
          question={question}
          picked={picked}
          exclusive={exclusive}
          disabled={disabled}
          view={view}
          label={label}
          hint={hint}
          confirmLabel={tc('interview.confirmAnswer')}
          onToggle={toggle}
          onConfirm={() => onAnswer({ kind: 'multi', options: picked })}
        />
      )}
      {question.kind === 'number' && (
        <NumberInput question={question} current={current} disabled={disabled} t={tc} onAnswer={onAnswer} />
      )}
      {question.kind === 'date' && (
        <DateInput current={current} disabled={disabled} t={tc} onAnswer={onAnswer} />
      )}
      {question.kind === 'text' && (
        <TextInput
          maxLength={question.maxLength}
          current={current}
          disabled={disabled}
          intervieweeLanguage={intervieweeLanguage}
          t={tc}
          onAnswer={onAnswer}
        />
      )}
      <div className="declines">{declines.map(declineButton)}</div>
    </div>
  );
}

function MultiChoice({
  question,
  picked,
  exclusive,
  disabled,
  view,
  label,
  hint,
  confirmLabel,
  onToggle,
  onConfirm,
}: {
  question: Extract<Question, { kind: 'multi' }>;
  picked: string[];
  exclusive: string[];
  disabled: boolean;
  view: AnswerView;
  label: (key: string) => ReactNode;
  hint: (key: string) => ReactNode;
  confirmLabel: string;
  onToggle: (id: string) => void;
  onConfirm: () => void;
}) {
  return (
    <fieldset className="multi">
      <div className="choices options">
        {question.options.map((o, i) => (
          <label
            key={o.id}
            className={picked.includes(o.id) ? 'check choice chosen' : 'check choice'}
            data-exclusive={exclusive.includes(o.id) || undefined}
          >
            <input
              type="checkbox"
              checked={picked.includes(o.id)}
              disabled={disabled}
              aria-keyshortcuts={view === 'officer' && i < 9 ? String(i + 1) : undefined}
              data-testid={`option-${o.id}`}
              onChange={() => onToggle(o.id)}
            />
            {i < 9 && hint(String(i + 1))}
            <span className="choice-label">{label(`options.${o.id}`)}</span>
          </label>
        ))}
      </div>
      <button
        type="button"
        className="confirm"
        disabled={disabled || picked.length === 0}
        aria-keyshortcuts={view === 'officer' ? 'Enter' : undefined}
        data-testid="answer-confirm"
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
    </fieldset>
  );
}

function NumberInput({
  question,
  current,
  disabled,
  t,
  onAnswer,
}: {
  question: Extract<Question, { kind: 'number' }>;
  current: AnswerValue | undefined;
  disabled: boolean;
  t: Translate;
  onAnswer: (v: AnswerValue) => void;
}) {
  const [text, setText] = useState(current?.kind === 'number' ? String(current.value) : '');
  const value = Number(text);
  const valid =
    text.trim() !== '' &&
    Number.isFinite(value) &&
    value >= question.min &&
    value <= question.max &&
    (!question.integer || Number.isInteger(value));
  return (
    <form
      className="inline-input"
      onSubmit={onSubmitting(() => onAnswer({ kind: 'number', value }), !valid || disabled)}
    >
      <input
        type="number"
        inputMode="numeric"
        min={question.min}
        max={question.max}
        value={text}
        disabled={disabled}
        // Typing the number is the answer: the field takes the keys as soon as the question shows.
        // biome-ignore lint/a11y/noAutofocus: the question just shown is answered by typing a number
        autoFocus
        aria-label={t('interview.numberAnswer')}
        aria-invalid={text.trim() !== '' && !valid}
        data-testid="answer-number"
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" disabled={disabled || !valid} data-testid="answer-confirm">
        {t('interview.confirmAnswer')}
      </button>
      {text.trim() !== '' && !valid && (
        <span className="error" role="alert">
          {t('interview.numberRange', { min: question.min, max: question.max })}
        </span>
      )}
    </form>
  );
}

function DateInput({
  current,
  disabled,
  t,
  onAnswer,
}: {
  current: AnswerValue | undefined;
  disabled: boolean;
  t: Translate;
  onAnswer: (v: AnswerValue) => void;
}) {
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
        <DatePartInput label={t('interview.year')} value={year} disabled={disabled} onChange={setYear} />
        <DatePartInput label={t('interview.month')} value={month} disabled={disabled} onChange={setMonth} />
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

/** The year or the month of an approximate date: a number box named by its placeholder. */
function DatePartInput({
  label,
  value,
  disabled,
  onChange,
}: {
  label: string;
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <input
      type="number"
      placeholder={label}
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function TextInput({
  maxLength,
  current,
  disabled,
  intervieweeLanguage,
  t,
  onAnswer,
}: {
  maxLength: number;
  current: AnswerValue | undefined;
  disabled: boolean;
  intervieweeLanguage: Locale;
  t: Translate;
  onAnswer: (v: AnswerValue) => void;
}) {
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
