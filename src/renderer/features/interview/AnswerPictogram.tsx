/**
 * Pictograms for the universal answers in the person-facing view, for a person who reads little: a
 * tick (yes), a cross (no), a question mark (not sure), an open hand (prefers not to say). Decorative:
 * the word beside each is the label.
 */
export type PictogramKind = 'yes' | 'no' | 'not_sure' | 'prefer_not';

const PATHS: Record<PictogramKind, string> = {
  yes: 'M5 13l4 4L19 7',
  no: 'M6 6l12 12M18 6L6 18',
  not_sure: 'M9 9a3 3 0 1 1 4.5 2.6c-.9.5-1.5 1.2-1.5 2.4M12 18h.01',
  prefer_not:
    'M8 13V6.5a1.5 1.5 0 0 1 3 0V12m0-6.5v-1a1.5 1.5 0 0 1 3 0V12m0-6a1.5 1.5 0 0 1 3 0v7a6 6 0 0 1-6 6h-.5a6 6 0 0 1-5-2.7L4 14a1.5 1.5 0 0 1 2.5-1.6L8 14',
};

export function AnswerPictogram({ kind }: { kind: PictogramKind }) {
  return (
    <svg
      className={`pictogram pictogram-${kind}`}
      viewBox="0 0 24 24"
      width="1.6em"
      height="1.6em"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={PATHS[kind]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
