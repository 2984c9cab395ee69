/**
 * What happens next, as printed on the rights card (s.33: the person is told the time each step takes).
 * The durations come from public reports of the Thai National Referral Mechanism and are not confirmed
 * against the notification itself (BRIEF.md: "verify exact terms"): they are data, so a reviewer can
 * change them without touching the card. Text: `instrument:card.steps.<id>` with `{{days}}`.
 */
export interface CardStep {
  readonly id: 'today' | 'shelter' | 'team' | 'reflection' | 'home';
  readonly days?: number;
}

export const CARD_STEPS: readonly CardStep[] = [
  { id: 'today' },
  // Temporary shelter before the multidisciplinary team's interview (TIP reports; verify).
  { id: 'shelter', days: 15 },
  { id: 'team' },
  // Reflection period before deciding whether to take part in a case (TIP reports; verify).
  { id: 'reflection', days: 45 },
  { id: 'home' },
];

export const CARD_RIGHTS = ['protection', 'legal', 'informed', 'choice'] as const;

/** The national anti-trafficking hotline, free and open day and night. */
export const HOTLINE = '1300';
