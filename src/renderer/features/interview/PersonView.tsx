import { useEffect, useRef } from 'react';
import type { Locale } from '../../../shared/i18n/locales';
import type { AnswerValue, Question } from '../../../shared/instrument';
import { translatorFor } from '../../app/i18n';
import { AnswerControls } from './AnswerControls';

/**
 * What the person sees when the officer turns the laptop to them: the question and its answers in the
 * person's language only, large, with pictograms; no officer text, no case reference, no banners, no
 * list of answers. The officer's own questions are never shown here (the person sees "please wait").
 * A small, quiet button in the corner (or Escape) gives the screen back to the officer.
 */
export function PersonView({
  question,
  textKey,
  current,
  language,
  disabled,
  note,
  onAnswer,
  onBack,
}: {
  /** The question to show, or null when there is nothing for the person right now. */
  question: Question | null;
  textKey: string;
  current: AnswerValue | undefined;
  language: Locale;
  disabled: boolean;
  /** A line shown under the question in the person's language (the agency named for referral consent). */
  note?: string | null;
  onAnswer: (value: AnswerValue) => void;
  onBack: () => void;
}) {
  const ti = translatorFor(language);
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = question && question.audience !== 'officer' ? question : null;

  // Each new question is announced and takes the focus, so the person can answer straight away.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the question shown changing is the trigger.
  useEffect(() => {
    heading.current?.focus();
  }, [shown?.id]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);

  return (
    <section className="person-view" lang={language} data-testid="person-view" aria-labelledby="pv-question">
      {shown ? (
        <div className="person-question" data-question-id={shown.id}>
          <h1 id="pv-question" ref={heading} tabIndex={-1} data-testid="person-question">
            {ti(`instrument:${textKey}`)}
          </h1>
          {note && (
            <p className="person-note" data-testid="person-note">
              {note}
            </p>
          )}
          <AnswerControls
            key={shown.id}
            question={shown}
            current={current}
            intervieweeLanguage={language}
            disabled={disabled}
            view="person"
            onAnswer={onAnswer}
          />
        </div>
      ) : (
        <h1 id="pv-question" ref={heading} tabIndex={-1} className="person-wait" data-testid="person-wait">
          {ti('personView.wait')}
        </h1>
      )}
      <button type="button" className="person-view-back" data-testid="person-view-back" onClick={onBack}>
        {ti('personView.back')}
      </button>
    </section>
  );
}
