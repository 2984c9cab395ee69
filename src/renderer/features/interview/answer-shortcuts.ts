import type { DeclineReason, Question } from '../../../shared/instrument';

/** What a key press does to the answer of the current question. */
export type ShortcutAction =
  | { kind: 'pick'; index: number }
  | { kind: 'decline'; reason: DeclineReason }
  | { kind: 'confirm' }
  | null;

/** The keys shown beside each decline button. */
export const DECLINE_KEYS: Record<DeclineReason, string> = { not_sure: 'N', prefer_not: 'P' };

/** How many answers the digit keys 1-9 can reach (yes/no: 1 = yes, 2 = no; choices in order). */
export function pickableCount(question: Pick<Question, 'kind'> & { options?: readonly unknown[] }): number {
  if (question.kind === 'yesNo') return 2;
  if (question.kind === 'single' || question.kind === 'multi')
    return Math.min(9, question.options?.length ?? 0);
  return 0;
}

/**
 * The shortcut for a key on this question, or null: digits 1-9 pick (or, on a multi-choice question,
 * tick) the answer with that number; N is "not sure", P "prefers not to say" where the question offers
 * it; Enter confirms a multi-choice selection. Pure, so the screen and its tests agree.
 */
export function shortcutAction(
  key: string,
  question: Pick<Question, 'kind'> & { options?: readonly unknown[] },
  declines: readonly DeclineReason[],
): ShortcutAction {
  if (/^[1-9]$/.test(key)) {
    const index = Number(key) - 1;
    return index < pickableCount(question) ? { kind: 'pick', index } : null;
  }
  const upper = key.toUpperCase();
  for (const reason of declines) if (DECLINE_KEYS[reason] === upper) return { kind: 'decline', reason };
  if (key === 'Enter' && question.kind === 'multi') return { kind: 'confirm' };
  return null;
}

/**
 * True when a key press belongs to the focused control rather than to the shortcuts: typing in a text
 * box or a date, digits in a number box, Enter or Space on a button. Letters in a number box are still
 * shortcuts (N, P).
 */
export function keyBelongsToField(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // A focused button answers Enter and Space itself.
  if (target instanceof HTMLButtonElement) return key === 'Enter' || key === ' ';
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) {
    if (target.type === 'number') return /^[0-9]$/.test(key) || key === 'Enter' || key.startsWith('Arrow');
    return target.type !== 'checkbox' && target.type !== 'radio' && target.type !== 'button';
  }
  return false;
}

/** True when the event carries a modifier that means "not a shortcut" (Ctrl/Alt/Meta combinations). */
export function hasCommandModifier(event: Pick<KeyboardEvent, 'ctrlKey' | 'altKey' | 'metaKey'>): boolean {
  return event.ctrlKey || event.altKey || event.metaKey;
}
