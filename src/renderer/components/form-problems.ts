import { type RefObject, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type FieldProblem, fieldProblemsOf, pathKey } from '../../shared/field-problems';
import type { ReplyError } from '../../shared/ipc/reply';
import type { UiKey } from '../app/i18n-key';

/**
 * What is wrong with a form's fields, keyed by the field's path in the request ("agency.name",
 * "referralDirectory.2.name"): found by the form itself before anything is sent (the same shared
 * schema main parses with, or a rule only the form knows, such as a passphrase typed twice), or read
 * from main's VALIDATION reply. Kept as keys so the message follows a change of UI language.
 */
export interface FormProblem {
  messageKey: UiKey;
  limit?: number;
}
export type FormProblems = Readonly<Record<string, FormProblem>>;

export const NO_PROBLEMS: FormProblems = {};

function byPath(list: readonly FieldProblem[]): Record<string, FormProblem> {
  const out: Record<string, FormProblem> = {};
  for (const p of list) {
    const key = pathKey(p.path);
    if (!(key in out))
      out[key] =
        p.limit === undefined ? { messageKey: p.messageKey } : { messageKey: p.messageKey, limit: p.limit };
  }
  return out;
}

/** The problems main named in its reply (none when it named no field). */
export function problemsFromReply(error: ReplyError | null | undefined): FormProblems {
  return error?.fields ? byPath(error.fields) : NO_PROBLEMS;
}

/** What main would refuse in `value`, found with the schema main parses it with. */
export function problemsFromSchema(schema: z.ZodType, value: unknown): FormProblems {
  const result = schema.safeParse(value);
  return result.success ? NO_PROBLEMS : byPath(fieldProblemsOf(result.error, schema, value));
}

export function hasProblems(problems: FormProblems): boolean {
  return Object.keys(problems).length > 0;
}

/** The problems without the one of a field the officer just changed (it is checked again on sending). */
export function withoutProblem(problems: FormProblems, key: string): FormProblems {
  if (!(key in problems)) return problems;
  const { [key]: _changed, ...rest } = problems;
  return rest;
}

/** The translated text of a field's problem, or null when it has none. */
export function useProblemText(problems: FormProblems): (key: string) => string | null {
  const { t } = useTranslation();
  return (key) => {
    const p = problems[key];
    return p ? t(p.messageKey, { limit: p.limit ?? 0 }) : null;
  };
}

/**
 * The error to show above the button: none when every field main named is marked on the form (what
 * is wrong is said there, and the focus is on the first), else main's own message.
 */
export function generalError(
  error: ReplyError | null,
  shownOnForm: (key: string) => boolean,
): ReplyError | null {
  if (!error?.fields?.length) return error;
  return error.fields.every((f) => shownOnForm(pathKey(f.path))) ? null : error;
}

/**
 * Returns a function that moves the focus to the first field marked invalid inside `root`, once the
 * marks are on screen (after React has committed them, also when they come from a reply).
 */
export function useFocusFirstInvalid(root: RefObject<HTMLElement | null>): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request > 0) root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [request, root]);
  return useCallback(() => setRequest((n) => n + 1), []);
}

/**
 * A form's problems in one hook: `text(key)` the message under a field (or null), `show(found)` puts
 * them on the form with the focus on the first field marked (true when there were none), `clear(...keys)`
 * takes the ones of fields the officer changed away (they are checked again on sending), `clearAll()`
 * every one, `edit(set, ...keys)` a change handler that sets a value and clears those fields' problems, and `refused(error, shownOnForm)` marks the fields main's refusal names and returns what is
 * still to be said above the button (generalError).
 */
export function useFormProblems(root: RefObject<HTMLElement | null>) {
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const text = useProblemText(problems);
  const focusFirstInvalid = useFocusFirstInvalid(root);
  const show = useCallback(
    (found: FormProblems) => {
      setProblems(found);
      if (!hasProblems(found)) return true;
      focusFirstInvalid();
      return false;
    },
    [focusFirstInvalid],
  );
  const clear = useCallback((...keys: string[]) => setProblems((p) => keys.reduce(withoutProblem, p)), []);
  const clearAll = useCallback(() => setProblems(NO_PROBLEMS), []);
  const edit = useCallback(
    <V>(set: (value: V) => void, ...keys: string[]) =>
      (value: V) => {
        set(value);
        clear(...keys);
      },
    [clear],
  );
  const refused = useCallback(
    (error: ReplyError, shownOnForm: (key: string) => boolean) => {
      show(problemsFromReply(error));
      return generalError(error, shownOnForm);
    },
    [show],
  );
  return { problems, text, show, clear, clearAll, edit, refused };
}
